package dev.textopt.optim;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * A text the optimizer may rewrite, with a stable id and an ordered list of gradients. Mutable on
 * purpose, like afnio's {@code Parameter}: callers edit {@code data} by hand, append feedback, and the
 * optimizer writes the improved value back. Not thread-safe; one session works on it at a time.
 */
public final class Parameter {

    private final String id;
    private String data;
    private String role;
    private boolean requiresGrad;
    private final List<Gradient> grad = new ArrayList<>();

    public Parameter(String id, String data, String role, boolean requiresGrad, List<Gradient> grad) {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("a parameter needs a non-blank id");
        }
        this.id = id;
        setData(data);
        setRole(role);
        this.requiresGrad = requiresGrad;
        if (grad != null) {
            appendGrad(grad);
        }
    }

    public String id() { return id; }

    public String data() { return data; }

    public String role() { return role; }

    public boolean requiresGrad() { return requiresGrad; }

    /** The gradients in the order they were appended; a read-only view. */
    public List<Gradient> grad() { return Collections.unmodifiableList(grad); }

    public void setData(String data) { this.data = Objects.requireNonNull(data, "data"); }

    public void setRole(String role) { this.role = role == null ? "" : role; }

    public void setRequiresGrad(boolean requiresGrad) { this.requiresGrad = requiresGrad; }

    public void appendGrad(Gradient... gradients) { appendGrad(List.of(gradients)); }

    public void appendGrad(List<Gradient> gradients) {
        for (Gradient g : gradients) {
            grad.add(Objects.requireNonNull(g, "gradient"));
        }
    }

    /** Replaces every gradient at once, as a closure that recomputed the feedback does. */
    public void replaceGrad(List<Gradient> gradients) {
        List<Gradient> checked = List.copyOf(gradients);
        grad.clear();
        grad.addAll(checked);
    }

    public void clearGrad() { grad.clear(); }

    /** An immutable snapshot of the value, e.g. for a momentum buffer. */
    public Variable toVariable() { return new Variable(data, role, requiresGrad); }

    @Override
    public String toString() {
        return "Parameter[id=" + id + ", role=" + role + ", requiresGrad=" + requiresGrad + ", grads=" + grad.size() + "]";
    }
}
