package dev.textopt.adapter.persistence;

import java.math.BigDecimal;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface UsageRepository extends JpaRepository<UsageEntity, UsageEntity.Key> {

    /** Adds to a client's usage atomically; an unknown (null) cost stays unknown from then on. */
    @Modifying(flushAutomatically = true, clearAutomatically = true)
    @Query(nativeQuery = true, value = """
            INSERT INTO model_usage AS u (session_id, client_name, prompt_tokens, completion_tokens, cost_amount, currency)
            VALUES (:sessionId, :client, :prompt, :completion, :cost, :currency)
            ON CONFLICT (session_id, client_name) DO UPDATE SET
                prompt_tokens = u.prompt_tokens + EXCLUDED.prompt_tokens,
                completion_tokens = u.completion_tokens + EXCLUDED.completion_tokens,
                cost_amount = u.cost_amount + EXCLUDED.cost_amount""")
    int add(UUID sessionId, String client, long prompt, long completion, BigDecimal cost, String currency);

    @Modifying(flushAutomatically = true, clearAutomatically = true)
    @Query(nativeQuery = true, value = "DELETE FROM model_usage WHERE session_id = :sessionId")
    int deleteBySession(UUID sessionId);
}
