package dev.textopt.optim.training;

import java.util.Objects;

/**
 * One item of a turn's {@code content}, in afnio's message shape. A turn's items are joined with "\n".
 * Only a {@link Template} is scanned for placeholders; whatever is inserted (a {@link Literal}, a
 * parameter's data, a placeholder's value) is never scanned again, so text containing {@code {x}} or stray
 * braces arrives at the model as it is.
 */
public sealed interface ContentItem permits ContentItem.Template, ContentItem.Literal, ContentItem.ParamRef {

    /** A text with {@code {name}} placeholders; {@code {{} and {@code }}} stand for literal braces. */
    record Template(String text) implements ContentItem {
        public Template {
            Objects.requireNonNull(text, "text");
        }
    }

    /** An afnio Variable {@code {data, role}}: {@code data} inserted as it is; {@code role} only describes it. */
    record Literal(String data, String role) implements ContentItem {
        public Literal {
            Objects.requireNonNull(data, "data");
            role = role == null ? "" : role;
        }
    }

    /** {@code {"param": id}}: the parameter's current data, inserted as it is (forward messages only). */
    record ParamRef(String paramId) implements ContentItem {
        public ParamRef {
            Objects.requireNonNull(paramId, "paramId");
        }
    }

    /** A {@link Template}. */
    static ContentItem template(String text) {
        return new Template(text);
    }

    /** A {@link Literal} without a role. */
    static ContentItem literal(String data) {
        return new Literal(data, "");
    }

    /** A {@link ParamRef}. */
    static ContentItem param(String paramId) {
        return new ParamRef(paramId);
    }
}
