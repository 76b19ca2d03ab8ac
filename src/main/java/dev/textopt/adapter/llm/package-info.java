/**
 * Language models behind the core's port: Spring AI chat models built in code from our own
 * configuration, with retries, timeouts, concurrency bounds, token usage and prices.
 */
package dev.textopt.adapter.llm;
