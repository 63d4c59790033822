"""Per-host politeness: when the next request to a host may start (pure), and a gate that waits."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field

Clock = Callable[[], float]
Sleep = Callable[[float], None]


@dataclass(slots=True)
class HostSchedule:
    """When each host was last sent a request, and any "not before" a server asked for.

    Pure bookkeeping over numbers from a monotonic clock: no sleeping, no threads.
    The delay is applied when a slot is booked, between the previous start and
    this one, so a delay learnt late (a robots.txt Crawl-delay) already spaces
    the next request.
    """

    last_start: dict[str, float] = field(default_factory=dict)
    not_before: dict[str, float] = field(default_factory=dict)

    def reserve(self, host: str, now: float, delay: float) -> float:
        """Book the earliest start at or after ``now`` for ``host``; return that start time."""
        start = now
        if host in self.last_start:
            start = max(start, self.last_start[host] + max(0.0, delay))
        start = max(start, self.not_before.get(host, start))
        self.last_start[host] = start
        return start

    def push_back(self, host: str, not_before: float) -> None:
        """Keep later requests to ``host`` from starting before ``not_before`` (Retry-After)."""
        self.not_before[host] = max(self.not_before.get(host, not_before), not_before)

    def finished(self, host: str, at: float) -> None:
        """Count the delay from when a response ended, not only from when it was asked for.

        A slow answer then still leaves a full delay before the next request
        reaches the server, whatever the network did to the timing.
        """
        self.last_start[host] = max(self.last_start.get(host, at), at)


class PolitenessGate:
    """Makes every request to a host wait its turn; safe to share between worker threads.

    ``delay_for(host)`` gives the host's delay (the configured delay or its
    robots.txt Crawl-delay, whichever is longer); clock and sleep are injected.
    """

    def __init__(
        self,
        delay_for: Callable[[str], float],
        *,
        clock: Clock = time.monotonic,
        sleep: Sleep = time.sleep,
    ) -> None:
        self._delay_for = delay_for
        self._clock = clock
        self._sleep = sleep
        self._schedule = HostSchedule()
        self._lock = threading.Lock()

    def wait_turn(self, host: str) -> float:
        """Block until ``host`` may be sent a request; return how long that took."""
        delay = self._delay_for(host)
        with self._lock:
            now = self._clock()
            start = self._schedule.reserve(host, now, delay)
        wait = start - now
        if wait > 0:
            self._sleep(wait)
        return max(0.0, wait)

    def push_back(self, host: str, seconds: float) -> None:
        with self._lock:
            self._schedule.push_back(host, self._clock() + seconds)

    def finished(self, host: str) -> None:
        """Note that a request to ``host`` just ended (answered, failed or timed out)."""
        with self._lock:
            self._schedule.finished(host, self._clock())
