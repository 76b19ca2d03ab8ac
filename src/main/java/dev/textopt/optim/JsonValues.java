package dev.textopt.optim;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Helpers for the JSON-like trees options and state dicts are made of (String, Number, Boolean, List,
 * Map with String keys, null). Copies are read-only and keep key order, so that what a caller gave is
 * what an export shows, and nobody can change an optimizer's options behind its back.
 */
final class JsonValues {

    private JsonValues() {
    }

    /** A read-only deep copy; throws IllegalArgumentException on a value JSON cannot hold. */
    static Object readOnlyCopy(Object value) {
        if (value == null || value instanceof String || value instanceof Boolean || value instanceof Number) {
            return value;
        }
        if (value instanceof Map<?, ?> map) {
            return readOnlyMap(map);
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>(list.size());
            for (Object item : list) {
                copy.add(readOnlyCopy(item));
            }
            return Collections.unmodifiableList(copy);
        }
        throw new IllegalArgumentException("not a JSON value: " + value.getClass().getSimpleName());
    }

    static Map<String, Object> readOnlyMap(Map<?, ?> map) {
        Map<String, Object> copy = new LinkedHashMap<>();
        for (Map.Entry<?, ?> e : map.entrySet()) {
            if (!(e.getKey() instanceof String key)) {
                throw new IllegalArgumentException("JSON object keys must be strings, got " + e.getKey());
            }
            copy.put(key, readOnlyCopy(e.getValue()));
        }
        return Collections.unmodifiableMap(copy);
    }

    /** The value as an exact integer, or null if it is not a whole number (1.5, "1", true). */
    static Long wholeNumber(Object value) {
        if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
            return ((Number) value).longValue();
        }
        if (value instanceof BigInteger big && big.bitLength() < 64) {
            return big.longValue();
        }
        if (value instanceof Number n && !(value instanceof BigInteger)) {
            try {
                BigDecimal exact = new BigDecimal(n.toString());
                return exact.stripTrailingZeros().scale() <= 0 ? exact.longValueExact() : null;
            } catch (NumberFormatException | ArithmeticException e) {
                return null; // NaN, infinity, or too large
            }
        }
        return null;
    }

    static BigDecimal decimal(Object value) {
        if (value instanceof BigDecimal d) {
            return d;
        }
        if (value instanceof Number n) {
            try {
                return new BigDecimal(n.toString());
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

    /** A short name for a value's JSON type, for messages that say what was found. */
    static String typeName(Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof String) {
            return "a string";
        }
        if (value instanceof Boolean) {
            return "a boolean";
        }
        if (value instanceof Number) {
            return "a number";
        }
        if (value instanceof Map) {
            return "an object";
        }
        if (value instanceof List) {
            return "a list";
        }
        return value.getClass().getSimpleName();
    }
}
