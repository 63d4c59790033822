"""Politeness timing: the pure schedule and the gate over an injected clock."""

from __future__ import annotations

import threading

from crawl_cache.crawler.politeness import HostSchedule, PolitenessGate


class FakeTime:
    def __init__(self) -> None:
        self.now = 100.0
        self.sleeps: list[float] = []
        self._lock = threading.Lock()

    def clock(self) -> float:
        with self._lock:
            return self.now

    def sleep(self, seconds: float) -> None:
        with self._lock:
            self.sleeps.append(seconds)
            self.now += seconds


def test_schedule_spaces_requests_per_host() -> None:
    schedule = HostSchedule()
    assert schedule.reserve("a", 0.0, 1.0) == 0.0
    assert schedule.reserve("a", 0.2, 1.0) == 1.0
    assert schedule.reserve("a", 0.3, 1.0) == 2.0
    assert schedule.reserve("b", 0.3, 1.0) == 0.3  # hosts are independent
    assert schedule.reserve("a", 10.0, 1.0) == 10.0  # no debt builds up while idle


def test_push_back_delays_later_requests_only_forward() -> None:
    schedule = HostSchedule()
    schedule.reserve("a", 0.0, 1.0)
    schedule.push_back("a", 30.0)
    assert schedule.reserve("a", 2.0, 1.0) == 30.0
    schedule.push_back("a", 5.0)  # never earlier than already asked
    assert schedule.reserve("a", 2.0, 1.0) == 31.0


def test_a_delay_learnt_late_spaces_the_next_request() -> None:
    schedule = HostSchedule()
    assert schedule.reserve("a", 0.0, 0.01) == 0.0  # robots.txt, before its Crawl-delay is known
    assert schedule.reserve("a", 0.02, 0.5) == 0.5


def test_delay_counts_from_the_end_of_a_slow_response() -> None:
    schedule = HostSchedule()
    assert schedule.reserve("a", 0.0, 1.0) == 0.0
    schedule.finished("a", 3.0)  # the answer took three seconds
    assert schedule.reserve("a", 3.0, 1.0) == 4.0


def test_gate_sleeps_until_the_hosts_turn() -> None:
    fake = FakeTime()
    gate = PolitenessGate(
        lambda host: 2.0 if host == "slow" else 0.5, clock=fake.clock, sleep=fake.sleep
    )
    assert gate.wait_turn("slow") == 0.0
    assert gate.wait_turn("slow") == 2.0
    assert gate.wait_turn("fast") == 0.0
    assert gate.wait_turn("fast") == 0.5
    assert fake.sleeps == [2.0, 0.5]


def test_gate_push_back_for_retry_after() -> None:
    fake = FakeTime()
    gate = PolitenessGate(lambda host: 0.1, clock=fake.clock, sleep=fake.sleep)
    gate.wait_turn("a")
    gate.push_back("a", 7.0)
    assert gate.wait_turn("a") == 7.0


def test_gate_hands_out_distinct_slots_to_threads() -> None:
    fake = FakeTime()
    starts: list[float] = []
    gate = PolitenessGate(lambda host: 1.0, clock=lambda: 0.0, sleep=lambda s: None)

    def worker() -> None:
        starts.append(gate.wait_turn("a"))

    threads = [threading.Thread(target=worker) for _ in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(starts) == [0.0, 1.0, 2.0, 3.0, 4.0, 5.0]
    assert fake.sleeps == []
