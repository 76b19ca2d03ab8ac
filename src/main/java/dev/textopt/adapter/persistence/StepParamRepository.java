package dev.textopt.adapter.persistence;

import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface StepParamRepository extends JpaRepository<StepParamEntity, StepParamEntity.Key> {

    List<StepParamEntity> findByStepIdInOrderByStepIdAscPositionAsc(Collection<Long> stepIds);

    /** For each parameter, the value the newest succeeded entry up to {@code number} gave it (if any did). */
    @Query("""
            select sp.paramId, sp.data from StepParamEntity sp, StepEntryEntity e
             where e.id = sp.stepId and e.sessionId = :sessionId and e.status = 'succeeded' and sp.data is not null
               and (sp.paramId, e.number) in (
                   select sp2.paramId, max(e2.number) from StepParamEntity sp2, StepEntryEntity e2
                    where e2.id = sp2.stepId and e2.sessionId = :sessionId and e2.number <= :number
                      and e2.status = 'succeeded' and sp2.data is not null
                    group by sp2.paramId)""")
    List<Object[]> valuesUpTo(UUID sessionId, int number);
}
