package dev.clobcancel.simulator.exchange;

import java.util.List;
import java.util.Map;

/** The exchange's answer to a cancel: the ids canceled, and the reason for each one that was not. */
public record CancelReport(List<String> canceled, Map<String, String> notCanceled) {
}
