package dev.textopt.optim;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A text with {@code {name}} placeholders. {@code {{} and {@code }}} stand for literal braces. Parsed
 * once, when a param group is created, so that a typo is refused then and not at step time.
 *
 * <p>Rendering substitutes each placeholder once and never re-scans what it inserted: a parameter whose
 * text contains {@code {x}} or stray braces is inserted verbatim.
 */
public final class PromptTemplate {

    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private sealed interface Segment permits Literal, Placeholder {
    }

    private record Literal(String text) implements Segment {
    }

    private record Placeholder(String name) implements Segment {
    }

    /** A template that cannot be parsed; the message says where and what to write instead. */
    public static final class SyntaxException extends IllegalArgumentException {
        SyntaxException(String message) {
            super(message);
        }
    }

    private final String source;
    private final List<Segment> segments;

    private PromptTemplate(String source, List<Segment> segments) {
        this.source = source;
        this.segments = segments;
    }

    public static PromptTemplate parse(String source) {
        List<Segment> segments = new ArrayList<>();
        StringBuilder literal = new StringBuilder();
        int i = 0;
        while (i < source.length()) {
            char c = source.charAt(i);
            boolean doubled = i + 1 < source.length() && source.charAt(i + 1) == c;
            if ((c == '{' || c == '}') && doubled) {
                literal.append(c);
                i += 2;
            } else if (c == '}') {
                throw new SyntaxException("lone '}' at position " + i + "; write '}}' for a literal brace");
            } else if (c == '{') {
                int close = source.indexOf('}', i + 1);
                int nextOpen = source.indexOf('{', i + 1);
                if (close < 0 || (nextOpen >= 0 && nextOpen < close)) {
                    throw new SyntaxException("unclosed '{' at position " + i + "; write '{{' for a literal brace");
                }
                String name = source.substring(i + 1, close);
                if (!NAME.matcher(name).matches()) {
                    throw new SyntaxException("'{" + name + "}' at position " + i
                            + " is not a placeholder name (letters, digits, '_'); write '{{' and '}}' for literal braces");
                }
                if (!literal.isEmpty()) {
                    segments.add(new Literal(literal.toString()));
                    literal.setLength(0);
                }
                segments.add(new Placeholder(name));
                i = close + 1;
            } else {
                literal.append(c);
                i++;
            }
        }
        if (!literal.isEmpty()) {
            segments.add(new Literal(literal.toString()));
        }
        return new PromptTemplate(source, List.copyOf(segments));
    }

    /** The placeholder names used, in order of first use. */
    public Set<String> placeholders() {
        Set<String> names = new LinkedHashSet<>();
        for (Segment s : segments) {
            if (s instanceof Placeholder p) {
                names.add(p.name());
            }
        }
        return Collections.unmodifiableSet(names);
    }

    public String render(Map<String, String> values) {
        StringBuilder out = new StringBuilder(source.length() * 2);
        for (Segment s : segments) {
            if (s instanceof Literal l) {
                out.append(l.text());
            } else if (s instanceof Placeholder p) {
                String value = values.get(p.name());
                if (value == null) {
                    throw new IllegalStateException("no value for placeholder {" + p.name() + "}");
                }
                out.append(value);
            }
        }
        return out.toString();
    }

    public String source() {
        return source;
    }

    @Override
    public String toString() {
        return source;
    }
}
