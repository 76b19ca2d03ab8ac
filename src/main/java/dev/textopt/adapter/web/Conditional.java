package dev.textopt.adapter.web;

import dev.textopt.session.BadRequestException;
import dev.textopt.session.ExpectedVersion;
import dev.textopt.session.Versioned;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * ETags and the conditional requests that use them (RFC 9110, section 13). A session's ETag is its
 * {@code version} as a strong entity tag, {@code "4"}, on every answer that shows the session or a part
 * of it. A write that replaces state takes {@code If-Match}; the use case checks it on the locked session
 * row ({@link ExpectedVersion}), so that check and write are one. A read answers 304 to an
 * {@code If-None-Match} that names its ETag, and 412 to an {@code If-Match} that does not, deciding on the
 * version alone ({@link RecentReads}): clients that poll pay one narrow query, no body (BENCHMARKS.md, benchmark 4).
 */
final class Conditional {

    /** One entity tag of a list: {@code W/} for a weak one, then the quoted text. */
    private static final Pattern TAG = Pattern.compile("\\G\\s*(W/)?\"([^\"]*)\"\\s*(?:,|$)");

    private Conditional() {
    }

    static String etag(long version) {
        return "\"" + version + "\"";
    }

    /** A 200 with the session's ETag at {@code version}. */
    static <T> ResponseEntity<T> ok(T body, long version) {
        return ResponseEntity.ok().eTag(etag(version)).body(body);
    }

    /**
     * The versions a write's {@code If-Match} accepts: any without the header or with {@code *}, else those
     * its strong tags name. A weak tag ({@code W/"4"}) never matches, as RFC 9110 has it for If-Match.
     */
    static ExpectedVersion expected(String ifMatch) {
        Tags tags = Tags.parse(HttpHeaders.IF_MATCH, ifMatch);
        if (tags == null || tags.any()) {
            return ExpectedVersion.ANY;
        }
        Set<Long> versions = new HashSet<>();
        for (String tag : tags.strong()) {
            if (tag.matches("\\d{1,18}")) {
                versions.add(Long.parseLong(tag));
            }
        }
        return new ExpectedVersion(versions);
    }

    /**
     * A read's answer: 412 when {@code If-Match} does not name {@code etag}, 304 (no body) when
     * {@code If-None-Match} does, else 200 with the body and the ETag.
     */
    static <T> ResponseEntity<T> read(T body, String etag, String ifMatch, String ifNoneMatch) {
        ResponseEntity<T> decided = decide(etag, ifMatch, ifNoneMatch);
        return decided != null ? decided : ResponseEntity.ok().eTag(etag).body(body);
    }

    /** 412 (thrown) or 304 as the conditions ask at {@code etag}; null when the answer is the body. */
    static <T> ResponseEntity<T> decide(String etag, String ifMatch, String ifNoneMatch) {
        String opaque = etag.substring(1, etag.length() - 1);
        Tags match = Tags.parse(HttpHeaders.IF_MATCH, ifMatch);
        if (match != null && !match.any() && !match.strong().contains(opaque)) {
            throw new PreconditionFailedException("If-Match names " + ifMatch.strip() + ", but this is now " + etag
                    + ": it changed since you read it; read it again");
        }
        Tags noneMatch = Tags.parse(HttpHeaders.IF_NONE_MATCH, ifNoneMatch);
        if (noneMatch != null && (noneMatch.any() || noneMatch.all().contains(opaque))) {
            return ResponseEntity.status(HttpStatus.NOT_MODIFIED).eTag(etag).build();
        }
        return null;
    }

    /** The tags of an If-Match or If-None-Match header: {@code *}, or a list of strong and weak tags (their text). */
    private record Tags(boolean any, List<String> strong, List<String> all) {

        /** Null without the header; a 400 naming the header when it is not {@code *} or a list of entity tags. */
        static Tags parse(String header, String value) {
            if (value == null) {
                return null;
            }
            if (value.strip().equals("*")) {
                return new Tags(true, List.of(), List.of());
            }
            var strong = new ArrayList<String>();
            var all = new ArrayList<String>();
            Matcher tag = TAG.matcher(value);
            int end = 0;
            while (end < value.length() && tag.find() && tag.start() == end) {
                if (tag.group(1) == null) {
                    strong.add(tag.group(2));
                }
                all.add(tag.group(2));
                end = tag.end();
            }
            if (all.isEmpty() || end < value.length()) {
                throw new BadRequestException(header, header + " must be * or ETags as textopt sends them, with their quotes, "
                        + "e.g. " + header + ": \"4\"");
            }
            return new Tags(false, strong, all);
        }
    }
}
