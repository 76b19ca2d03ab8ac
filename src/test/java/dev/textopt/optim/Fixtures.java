package dev.textopt.optim;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Small builders shared by the optimizer tests. */
public final class Fixtures {

    /** Runs calls on the calling thread: deterministic, for tests that are not about concurrency. */
    public static final TgdSettings INLINE = new TgdSettings(4, Runnable::run);

    public static final PriceTable PRICES = new PriceTable(Map.of(
            "gpt-4o", new Price(new BigDecimal("2.50"), new BigDecimal("10.00")),
            "gpt-4o-mini", new Price(new BigDecimal("0.15"), new BigDecimal("0.60"))));

    private Fixtures() {
    }

    public static Parameter param(String id, String data) {
        return new Parameter(id, data, "parameter", true, List.of());
    }

    public static Map<String, Object> defaults(int momentum) {
        Map<String, Object> defaults = new LinkedHashMap<>();
        defaults.put("model_client", "openai");
        defaults.put("momentum", momentum);
        defaults.put("completion_args", Map.of("model", "gpt-4o"));
        return defaults;
    }

    public static Map<String, Object> options(Object... keyValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            map.put((String) keyValues[i], keyValues[i + 1]);
        }
        return map;
    }

    public static Tgd tgd(List<?> params, Map<String, Object> defaults, ModelClient... clients) {
        return new Tgd(params, defaults, new FakeClients(clients), PRICES, INLINE);
    }

    public static Gradient grad(String text) {
        return new Gradient(text, "gradient");
    }
}
