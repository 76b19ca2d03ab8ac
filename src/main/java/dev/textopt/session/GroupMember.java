package dev.textopt.session;

/** A parameter a group to add lists: a new one, or (by id) one the session already has. */
public sealed interface GroupMember permits NewParam, ExistingParam {
}
