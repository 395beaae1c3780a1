package dev.clobcancel.domain.model;

/** Small helpers for messages that quote what a caller passed. */
final class Text {

    private static final int LIMIT = 80;

    private Text() {
    }

    /** The value cut to a readable length, with control characters escaped. */
    static String shorten(String value) {
        String shown = value.length() <= LIMIT ? value : value.substring(0, LIMIT) + "...(" + value.length() + " chars)";
        StringBuilder out = new StringBuilder(shown.length());
        for (char c : shown.toCharArray()) {
            if (Character.isISOControl(c)) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
