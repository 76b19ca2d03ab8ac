package dev.textopt.adapter.persistence;

import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface StepParamRepository extends JpaRepository<StepParamEntity, StepParamEntity.Key> {

    List<StepParamEntity> findByStepIdInOrderByStepIdAscPositionAsc(Collection<Long> stepIds);

    /** For each parameter, the value the newest entry up to {@code number} gave it (if any did). */
    @Query(nativeQuery = true, value = """
            SELECT DISTINCT ON (sp.param_id) CAST(sp.param_id AS text) AS param_id, sp.data AS data
              FROM step_param sp JOIN step_entry e ON e.id = sp.step_id
             WHERE e.session_id = :sessionId AND e.number <= :number AND e.status = 'succeeded' AND sp.data IS NOT NULL
             ORDER BY sp.param_id, e.number DESC""")
    List<Object[]> valuesUpTo(UUID sessionId, int number);
}
