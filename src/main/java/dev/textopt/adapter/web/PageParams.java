package dev.textopt.adapter.web;

import dev.textopt.session.BadRequestException;

/** Paging limits shared by every list. */
final class PageParams {

    static final int MAX_SIZE = 200;

    private PageParams() {
    }

    static void check(int page, int size) {
        if (page < 0) {
            throw new BadRequestException("page", "page must be 0 or more");
        }
        if (size < 1 || size > MAX_SIZE) {
            throw new BadRequestException("size", "size must be between 1 and " + MAX_SIZE);
        }
    }
}
