package dev.textopt.adapter.llm;

import java.time.Duration;

/** Waits between retries; a seam so that tests can see the waits without spending them. */
@FunctionalInterface
interface Sleeper {

    Sleeper REAL = duration -> Thread.sleep(duration.toMillis());

    void sleep(Duration duration) throws InterruptedException;
}
