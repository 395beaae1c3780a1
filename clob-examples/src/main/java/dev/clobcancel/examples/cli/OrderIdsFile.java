package dev.clobcancel.examples.cli;

import dev.clobcancel.domain.model.OrderId;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A file of order ids, one a line: every line checked before anything is sent. Blank lines are
 * skipped; any other line must be an order id, named once. A problem is an
 * {@link IllegalArgumentException} that names the file and the line.
 */
final class OrderIdsFile {

    private OrderIdsFile() {
    }

    static List<OrderId> read(Path file) {
        List<String> lines;
        try {
            if (Files.isDirectory(file)) {
                throw new IllegalArgumentException(file + " is a directory, not a file of order ids");
            }
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("no such file: " + file);
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException(file + " is not UTF-8 text");
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read " + file + ": " + e.getMessage());
        }
        List<OrderId> ids = new ArrayList<>(lines.size());
        Map<OrderId, Integer> seen = new HashMap<>(lines.size() * 2);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty()) {
                continue;
            }
            int number = i + 1;
            OrderId id;
            try {
                id = OrderId.of(line);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(file + " line " + number + ": " + e.getMessage());
            }
            Integer first = seen.putIfAbsent(id, number);
            if (first != null) {
                throw new IllegalArgumentException(file + " line " + number + " repeats the order id of line " + first
                        + ": each order is canceled once");
            }
            ids.add(id);
        }
        if (ids.isEmpty()) {
            throw new IllegalArgumentException(file + " holds no order id (one a line, 0x and 64 hex digits)");
        }
        return ids;
    }
}
