package dev.clobcancel.simulator.http;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.cfg.MapperBuilder;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.type.LogicalType;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * The one place the simulator's HTTP bodies become records and records become bodies. Strict as
 * the admin API promises: text after the value, a number where a string belongs (or the other
 * way round), a fraction where a whole number belongs are each an error that names the field;
 * a decimal may be a string ({@code "0.5"}) or a number ({@code 0.5}), as the official clients
 * send both. Readers and writers are made once per type and reused.
 */
final class WireJson {

    static final ObjectMapper MAPPER = configure(JsonMapper.builder()).build();

    private static final Map<JavaType, ObjectReader> READERS = new ConcurrentHashMap<>();
    private static final Map<Class<?>, ObjectWriter> WRITERS = new ConcurrentHashMap<>();

    private WireJson() {
    }

    /** The rules of every mapper that reads the simulator's input: the admin API's and the {@code --config} file's. */
    static <M extends ObjectMapper, B extends MapperBuilder<M, B>> B configure(B builder) {
        return builder.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .withCoercionConfig(LogicalType.Textual, textual -> textual
                        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
                .withCoercionConfig(LogicalType.Integer, integer -> integer
                        .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
                .withCoercionConfig(LogicalType.Boolean, bool -> bool
                        .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail))
                .withCoercionConfig(Double.class, number -> number
                        .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
                .withCoercionConfig(BigDecimal.class, decimal -> decimal
                        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail));
    }

    /** The reader of {@code type}, made once. */
    static ObjectReader reader(Class<?> type) {
        return reader(MAPPER.constructType(type));
    }

    static ObjectReader reader(JavaType type) {
        return READERS.computeIfAbsent(type, MAPPER::readerFor);
    }

    /** The writer of {@code type}, made once. */
    static ObjectWriter writer(Class<?> type) {
        return WRITERS.computeIfAbsent(type, MAPPER::writerFor);
    }

    /** A required body as {@code type}; a 400 that names what is wrong when it is missing or not one. */
    static <T> T read(byte[] body, Class<T> type) {
        return read(body, reader(type));
    }

    /** A required body as a list of {@code element}; an element's fault is named {@code order 1: ...}. */
    static <T> List<T> readList(byte[] body, Class<T> element) {
        return read(body, reader(listOf(element)));
    }

    /** The type of a list of {@code element}, for {@link #reader(JavaType)}. */
    static JavaType listOf(Class<?> element) {
        return MAPPER.getTypeFactory().constructCollectionType(List.class, element);
    }

    private static <T> T read(byte[] body, ObjectReader reader) {
        if (body == null || body.length == 0) {
            throw RequestRefused.badRequest("a JSON body is required");
        }
        T value;
        try {
            value = reader.readValue(body);
        } catch (IOException e) {
            throw RequestRefused.badRequest(problem(e));
        }
        if (value == null) {
            throw RequestRefused.badRequest("the body must be " + expected(reader.getValueType()) + ", not null");
        }
        return value;
    }

    /** Whether the body's JSON value is an array: its first byte that is not white space is {@code [}. */
    static boolean isArray(byte[] body) {
        for (byte b : body) {
            if (b != ' ' && b != '\t' && b != '\n' && b != '\r') {
                return b == '[';
            }
        }
        return false;
    }

    /** {@code value} as JSON bytes, by its type's writer. */
    static byte[] write(Object value) {
        try {
            return writer(value.getClass()).writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + value.getClass().getSimpleName() + " as JSON", e);
        }
    }

    /**
     * What is wrong with a body, in words that name the field: {@code side must be a string, not
     * number}, {@code unknown field acounts (fields: accounts, markets, ...)}, {@code orders[0]:
     * price is not a decimal number: abc}, {@code body is not valid JSON: ...}.
     */
    static String problem(IOException e) {
        if (e instanceof MismatchedInputException trailing && trailing.getOriginalMessage().startsWith("Trailing token")) {
            return "body is not valid JSON: text after the JSON value";
        }
        if (e instanceof UnrecognizedPropertyException unknown) {
            return where(unknown) + "unknown field " + unknown.getPropertyName() + " (fields: " + known(unknown.getKnownPropertyIds()) + ")";
        }
        if (e instanceof InvalidFormatException format && format.getTargetType() != null && format.getValue() instanceof String) {
            return where(format) + field(format) + " is not " + expected(format.getTargetType()) + ": " + format.getValue();
        }
        if (e instanceof MismatchedInputException mismatch && !mismatch.getPath().isEmpty()) {
            return where(mismatch) + field(mismatch) + " must be " + expected(mismatch.getTargetType()) + ", not " + found(mismatch);
        }
        if (e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null
                && mismatch.getProcessor() instanceof JsonParser parser && parser.currentToken() != null) {
            return "the body must be " + expected(mismatch.getTargetType()) + ", not " + found(mismatch);
        }
        if (e instanceof JsonMappingException mapping && mapping.getCause() instanceof InputCoercionException) {
            return where(mapping) + field(mapping) + " is out of range: " + mapping.getCause().getMessage().lines().findFirst().orElse("");
        }
        if (e instanceof StreamReadException || e instanceof JsonMappingException) {
            return "body is not valid JSON: " + ((JsonProcessingException) e).getOriginalMessage();
        }
        return "body is not valid JSON: " + e.getMessage();
    }

    /** {@code orders[0]: } for a field of an element of an array field; {@code order 1: } at the top of a batch. */
    private static String where(JsonMappingException e) {
        List<JsonMappingException.Reference> path = e.getPath();
        String where = path(path.subList(0, lastField(path)));
        return where.isEmpty() ? "" : where + ": ";
    }

    /** The field at fault, with the index of its element when it is one: {@code side}, {@code assets[1]}. */
    private static String field(JsonMappingException e) {
        List<JsonMappingException.Reference> path = e.getPath();
        int last = lastField(path);
        return last < path.size() ? path(path.subList(last, path.size())) : "the body";
    }

    /** Where the last field name of the path is; the path's size when it has none. */
    private static int lastField(List<JsonMappingException.Reference> path) {
        for (int i = path.size() - 1; i >= 0; i--) {
            if (path.get(i).getFieldName() != null) {
                return i;
            }
        }
        return path.size();
    }

    private static String path(List<JsonMappingException.Reference> refs) {
        StringBuilder text = new StringBuilder();
        for (JsonMappingException.Reference ref : refs) {
            if (ref.getFieldName() != null) {
                text.append(text.isEmpty() ? "" : ".").append(ref.getFieldName());
            } else if (text.isEmpty()) {
                text.append("order ").append(ref.getIndex());
            } else {
                text.append('[').append(ref.getIndex()).append(']');
            }
        }
        return text.toString();
    }

    private static String known(Collection<Object> ids) {
        return ids == null ? "" : ids.stream().map(Object::toString).collect(Collectors.joining(", "));
    }

    private static String expected(Class<?> type) {
        if (type == null) {
            return "another type";
        }
        if (type == String.class) {
            return "a string";
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            return "a whole number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == BigDecimal.class) {
            return "a decimal number";
        }
        if (type == Double.class || type == double.class) {
            return "a number";
        }
        if (List.class.isAssignableFrom(type) || type.isArray()) {
            return "an array";
        }
        return "a JSON object";
    }

    private static String expected(JavaType type) {
        if (type.isCollectionLikeType() || type.isArrayType()) {
            return type.getContentType().getRawClass() == String.class ? "an array of strings" : "an array";
        }
        return expected(type.getRawClass());
    }

    private static String found(MismatchedInputException e) {
        JsonToken token = e.getProcessor() instanceof JsonParser parser ? parser.currentToken() : null;
        if (token == null) {
            return "nothing";
        }
        return switch (token) {
            case VALUE_STRING -> "string";
            case VALUE_NUMBER_INT -> "whole number";
            case VALUE_NUMBER_FLOAT -> "fraction";
            case VALUE_TRUE, VALUE_FALSE -> "boolean";
            case VALUE_NULL -> "null";
            case START_ARRAY, END_ARRAY -> "array";
            case START_OBJECT, END_OBJECT, FIELD_NAME -> "object";
            default -> token.name().toLowerCase(Locale.ROOT);
        };
    }
}
