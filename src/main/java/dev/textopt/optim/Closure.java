package dev.textopt.optim;

import java.util.List;

/**
 * Re-evaluates the system with the current parameters before a step, as torch's {@code closure}. An
 * exception it throws ends the step before anything changed.
 */
@FunctionalInterface
public interface Closure {

    ClosureResult evaluate(List<Parameter> params);
}
