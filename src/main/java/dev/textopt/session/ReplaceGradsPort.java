package dev.textopt.session;

import dev.textopt.optim.Gradient;
import java.util.List;
import java.util.UUID;

/** A step's closure supplied fresh gradients: they replace the parameter's grad in a transaction of their own. */
public interface ReplaceGradsPort {

    /** The parameter's grad becomes {@code grads}; gradients appended after this stay after them. */
    void replaceGrads(UUID paramId, List<Gradient> grads);
}
