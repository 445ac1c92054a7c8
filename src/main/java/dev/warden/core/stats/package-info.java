/**
 * Authentication over time for the dashboard: per-second counts of challenged, authenticated and
 * refused exchanges, refusal reasons, and bounded per-user and per-client tables, fed by the traffic
 * log on the recording thread with lock-free counters only. No JavaFX; never touches the network.
 */
package dev.warden.core.stats;
