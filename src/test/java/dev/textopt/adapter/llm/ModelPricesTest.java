package dev.textopt.adapter.llm;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.textopt.optim.TokenUsage;

class ModelPricesTest {

    ModelPrices prices = new ModelPrices(Map.of(
            "gpt-4o", new ModelPrices.Price(new BigDecimal("2.50"), new BigDecimal("10.00")),
            "gpt-4o-mini", new ModelPrices.Price(new BigDecimal("0.15"), new BigDecimal("0.60"))));

    @Test
    void pricesADatedSnapshotAsTheLongestNameItStartsWith() {
        assertThat(prices.find("gpt-4o-2024-08-06")).contains(prices.asMap().get("gpt-4o"));
        assertThat(prices.find("gpt-4o-mini-2024-07-18")).contains(prices.asMap().get("gpt-4o-mini"));
        assertThat(prices.find("gpt-4o-mini")).contains(prices.asMap().get("gpt-4o-mini"));
        assertThat(prices.find("gpt-4")).isEmpty();
        assertThat(prices.find("llama3.2")).isEmpty();
    }

    @Test
    void costIsTokensTimesPricePerMillion() {
        assertThat(prices.cost("gpt-4o", new TokenUsage(1_000, 100)))
            .hasValueSatisfying(cost -> assertThat(cost).isEqualByComparingTo("0.0035"));
        assertThat(prices.cost("unknown", new TokenUsage(1, 1))).isEmpty();
    }
}
