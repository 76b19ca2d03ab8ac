package dev.textopt.adapter.web;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import java.util.function.Function;

/** One page of a list, newest first. */
@Schema(description = "One page, newest first")
record PageJson<T>(List<T> items, int page, int size, long totalItems, long totalPages) {

    static <S, T> PageJson<T> of(List<S> items, Function<S, T> shape, int page, int size, long total) {
        return new PageJson<>(items.stream().map(shape).toList(), page, size, total, size == 0 ? 0 : (total + size - 1) / size);
    }
}
