package dev.warden.core.auth;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A concurrent set that never holds much more than {@code capacity} elements: when it is full it
 * forgets everything and starts again. That is crude but O(1), lock-free and enough for a cache whose
 * misses only cost time. Thread-safe; several threads adding at once may overshoot the capacity by
 * at most their number.
 */
final class BoundedSet<E> {

  private final int capacity;
  private final Set<E> elements = ConcurrentHashMap.newKeySet();

  BoundedSet(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity < 1");
    }
    this.capacity = capacity;
  }

  boolean contains(E element) {
    return elements.contains(element);
  }

  void add(E element) {
    if (elements.size() >= capacity) {
      elements.clear();
    }
    elements.add(element);
  }

  int size() {
    return elements.size();
  }
}
