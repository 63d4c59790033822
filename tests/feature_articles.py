"""Made-up articles for the query-feature tests: name variants, a wire story carried twice,
a German story, twin stories apart in time and one without a date."""

from __future__ import annotations

from dataclasses import replace

from indexer.article import Article

WIRE_BODY = (
    "Ferry crews on the Brannock crossing stopped work at six on Monday morning after "
    "talks over night-shift rosters broke down late on Sunday, the operator said.\n\n"
    "About forty sailings a day link the island with the mainland, carrying commuters, "
    "lorries and supplies for the island's two supermarkets. The operator said it would "
    "run a reduced timetable with chartered boats but warned passengers to expect long "
    "queues at both terminals.\n\n"
    "The crews' union said members had voted by a large majority to strike after months "
    "of complaints about fatigue and short-notice changes to their shifts. Its regional "
    "organiser said the union remained ready to meet the company at any time.\n\n"
    "Island councillors called on both sides to return to talks, saying the care home "
    "and the school depended on staff who travel from the mainland every day."
)

# The second outlet's copy: a new opening line, one sentence trimmed, its own sign-off.
WIRE_COPY_BODY = (
    WIRE_BODY.replace("Ferry crews on the Brannock crossing", "Crews on the Brannock ferries")
    .replace(" but warned passengers to expect long queues at both terminals", "")
    .replace("every day.", "every day. Additional reporting by the newsroom.")
)

UNRELATED_BODY = (
    "The town's orchestra will play its first concert in the restored market hall on "
    "Saturday, eleven years after a fire left the building without a roof. Volunteers "
    "raised most of the money for the repairs through bake sales, sponsored walks and a "
    "long-running raffle, and the council paid for new seating and a lift. The conductor "
    "said the hall's wooden ceiling gave the strings a warmth that the sports centre, "
    "where the orchestra had rehearsed since the fire, never could. Tickets for the "
    "opening night sold out within an hour, and a second performance has been added."
)


def feature_articles() -> list[Article]:
    base = Article(
        id="",
        url=None,
        source=None,
        headline=None,
        description=None,
        authors=[],
        published=None,
        section=None,
        language="en",
        body="",
    )
    return [
        replace(
            base,
            id="f-kyiv",
            url="https://gazette.example/world/kyiv-shelling",
            source="Harbour Gazette",
            headline="Shelling hits Kyiv suburbs overnight",
            authors=["Olena Marsh"],
            published="2024-03-29T10:00:00Z",
            section="World",
            body="Residents of the Kyiv suburbs spent the night in shelters as shelling "
            "damaged homes and a power station.",
        ),
        replace(
            base,
            id="f-kiev",
            url="https://courier.example/archive/kiev-talks",
            source="Northern Courier",
            headline="Kiev talks resume after a pause",
            authors=["Peter Vance"],
            published="2023-06-01T09:00:00Z",
            section="World",
            body="Negotiators returned to Kiev on Thursday for a new round of talks on "
            "grain exports.",
        ),
        replace(
            base,
            id="f-wire-1",
            url="https://gazette.example/news/brannock-ferry-strike",
            source="Harbour Gazette",
            headline="Brannock ferry crews walk out over rosters",
            published="2024-03-20T09:00:00Z",
            section="Business",
            body=WIRE_BODY,
        ),
        replace(
            base,
            id="f-wire-2",
            url="https://courier.example/news/ferries-stop-brannock",
            source="Northern Courier",
            headline="Island cut off as Brannock ferries stop",
            published="2024-03-20T11:30:00Z",
            section="News",
            body=WIRE_COPY_BODY,
        ),
        replace(
            base,
            id="f-concert",
            url="https://courier.example/culture/market-hall-concert",
            source="Northern Courier",
            headline="Orchestra returns to the restored market hall",
            published="2024-03-15T18:00:00Z",
            section="Culture",
            body=UNRELATED_BODY,
        ),
        replace(
            base,
            id="f-german",
            url="https://bote.example/lokales/faehre",
            source="Inselbote",
            headline="Fähre nach Brannock fällt aus",
            published="2024-03-30T08:00:00Z",
            section="Lokales",
            language="de",
            body="Die Fähre nach Brannock fährt wegen eines Streiks der Besatzungen nicht.",
        ),
        replace(
            base,
            id="f-lighthouse-old",
            url="https://gazette.example/2019/lighthouse",
            source="Harbour Gazette",
            headline="Lighthouse keeper retires",
            published="2019-05-01T12:00:00Z",
            section="Local",
            body="The lighthouse keeper retires after thirty years on the rock.",
        ),
        replace(
            base,
            id="f-lighthouse-new",
            url="https://gazette.example/2024/lighthouse",
            source="Harbour Gazette",
            headline="Lighthouse keeper retires",
            published="2024-03-30T12:00:00Z",
            section="Local",
            body="The lighthouse keeper retires after thirty years on the rock.",
        ),
        replace(
            base,
            id="f-undated",
            url="https://courier.example/features/tides",
            source="Northern Courier",
            headline="A guide to the tides of the Brannock crossing",
            section="Features",
            body="Spring tides make the crossing rough twice a month.",
        ),
    ]
