package dev.textopt.optim;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class PriceTableTest {

    private final PriceTable prices = Fixtures.PRICES;

    @Test
    void findsADatedSnapshotByTheLongestFamilyPrefix() {
        assertThat(prices.find("gpt-4o-2024-08-06")).contains(prices.prices().get("gpt-4o"));
        assertThat(prices.find("gpt-4o-mini-2024-07-18")).contains(prices.prices().get("gpt-4o-mini"));
        assertThat(prices.find("gpt-4o")).contains(prices.prices().get("gpt-4o"));
    }

    @Test
    void doesNotMatchAPrefixWithoutADash() {
        assertThat(prices.find("gpt-4omni")).isEmpty();
        assertThat(prices.find(null)).isEmpty();
    }

    @Test
    void costsPerMillionTokens() {
        Cost cost = prices.costOf("gpt-4o", new TokenUsage(2_000, 500));

        assertThat(cost.amount()).isEqualByComparingTo(new BigDecimal("0.01"));
        assertThat(cost.currency()).isEqualTo("USD");
    }

    @Test
    void unknownStaysUnknownInASum() {
        Cost sum = Cost.zero().plus(prices.costOf("llama-3", new TokenUsage(1, 1))).plus(prices.costOf("gpt-4o", new TokenUsage(1, 1)));

        assertThat(sum.known()).isFalse();
    }

    @Test
    void zeroTokensCostNothingEvenOnAnUnpricedModel() {
        assertThat(prices.costOf("llama-3", TokenUsage.NONE)).isEqualTo(Cost.zero());
    }
}
