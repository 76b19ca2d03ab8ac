package dev.textopt.session;

import java.util.List;

/** A page of results, newest first: the items, which page of which size, and how many there are in all. */
public record PageOf<T>(List<T> items, int page, int size, long total) {
}
