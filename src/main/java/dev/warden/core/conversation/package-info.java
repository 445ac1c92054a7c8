/**
 * Conversations: a 407 linked to the client's retries and their result, with a verdict that says in
 * one sentence what the client did ("retried after 4 ms with Digest SHA-256 as alice → 200"), and
 * the plain-language diagnosis of a client's failure ({@link dev.warden.core.conversation.ClientDiagnosis}).
 * Built from the traffic log's records only; never touches the network.
 */
package dev.warden.core.conversation;
