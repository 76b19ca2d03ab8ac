package dev.textopt.config;

import dev.textopt.optim.Price;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code textopt.price-list}: prices as one line, {@code gpt-4o=2.50:10.00,gpt-4.1-mini=0.40:1.60} (model,
 * then USD per million input and output tokens). It exists for the environment
 * ({@code TEXTOPT_PRICE_LIST}), where a variable name cannot spell a model name with a dash or a dot:
 * {@code TEXTOPT_PRICES_GPT4O_INPUTPERMILLION} prices a model called "gpt4o".
 */
final class PriceList {

    private PriceList() {
    }

    static Map<String, Price> parse(String list) {
        var prices = new LinkedHashMap<String, Price>();
        for (String entry : list == null ? new String[0] : list.split(",")) {
            if (entry.isBlank()) {
                continue;
            }
            String[] modelAndPrices = entry.trim().split("=", 2);
            String[] inputAndOutput = modelAndPrices.length == 2 ? modelAndPrices[1].split(":", 2) : new String[0];
            try {
                prices.put(modelAndPrices[0].trim(), new Price(new BigDecimal(inputAndOutput[0].trim()),
                        new BigDecimal(inputAndOutput[1].trim())));
            } catch (NumberFormatException | ArrayIndexOutOfBoundsException e) {
                throw refused(entry, "it is not model=input:output in USD per million tokens, e.g. gpt-4o=2.50:10.00");
            } catch (IllegalArgumentException e) {
                throw refused(entry, e.getMessage());
            }
        }
        return prices;
    }

    private static IllegalStateException refused(String entry, String why) {
        return new IllegalStateException("textopt.price-list (TEXTOPT_PRICE_LIST): \"" + entry.trim() + "\": " + why);
    }
}
