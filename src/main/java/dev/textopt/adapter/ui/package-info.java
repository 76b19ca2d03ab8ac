/** The web view at /ui: server-rendered pages over the session use cases, for people rather than programs. */
package dev.textopt.adapter.ui;
