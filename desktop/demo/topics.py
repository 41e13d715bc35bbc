"""Topics at every stage: research visits, vetting, department consultations, end states."""

from __future__ import annotations

from datetime import date

from desktop.demo import phrases
from desktop.demo.context import Ctx, Series, TopicEntry
from desktop.demo.rows import days
from desktop.demo.texts import THEMES_BY_AREA, Theme
from desktop.models.enums import Level, TopicSource, TopicStatus

T = TopicStatus
# Which suggestion pool a series' topics serve (target_level of the suggestions adopted).
POOL_LEVEL = {
    "county": Level.COUNTY,
    "party": Level.COUNTY,
    "township": Level.TOWNSHIP,
    "enterprise": Level.ENTERPRISE,
    "industry": Level.ENTERPRISE,
}
SOURCES = {
    "county": (TopicSource.RESEARCH, TopicSource.PARTY_PRIORITY, TopicSource.LOWER_REQUEST),
    "party": (TopicSource.PARTY_PRIORITY, TopicSource.RESEARCH),
    "township": (TopicSource.RESEARCH, TopicSource.LOWER_REQUEST, TopicSource.OTHER),
    "enterprise": (TopicSource.OTHER, TopicSource.RESEARCH),
    "industry": (TopicSource.RESEARCH, TopicSource.OTHER),
}
# Topics prepared with a research visit or forum, below the county (which always does).
RESEARCH_SHARE = {"township": 0.5, "industry": 0.3, "enterprise": 0.1}
# Open and closed-early topics per series that runs its own agenda work, by stage.
OPEN_STAGES = (T.CANDIDATE, T.RESEARCHING, T.VETTED, T.CONSULTED, T.DEFERRED, T.REJECTED, T.MERGED)
OPEN_WEIGHTS = (30, 14, 14, 10, 10, 12, 10)
OPEN = frozenset({T.CANDIDATE, T.RESEARCHING, T.VETTED, T.CONSULTED})


def add_topic(
    ctx: Ctx,
    s: Series,
    theme: Theme,
    status: TopicStatus,
    *,
    created: date,
    updated: date,
    vetted_on: date | None = None,
    consult_by: date | None = None,
    research: bool = False,
    **extra: object,
) -> int:
    """A topic row with its visits and consultations, dated between `created` and `updated`."""
    rng = ctx.rng
    topic_id = ctx.rows.record(
        "topic",
        created,
        updated,
        title=theme.title,
        description=rng.choice(theme.suggestions),
        source=rng.choice(SOURCES[s.area]),
        union_unit_id=s.union.id,
        priority=rng.choices((1, 2, 3), (2, 6, 1))[0],
        status=status,
        vetted_on=vetted_on,
        vetting_conclusion=rng.choice(phrases.VETTING) if vetted_on else "",
        **extra,
    )
    if research:
        for _ in range(rng.randint(1, 2)):
            ctx.rows.add(
                "topic_research",
                topic_id=topic_id,
                visited_on=ctx.between(created, vetted_on or updated),
                place=rng.choice(
                    s.roles.get("enterprise", s.roles.get("township_gov", (s.union,)))
                ).name,
                participants=f"{s.union.deputy}（{s.union.deputy_title}）、企业工会干部、经营者和"
                f"职工代表{rng.randint(6, 20)}人",
                findings=phrases.RESEARCH_FINDINGS,
            )
    if vetted_on is not None and consult_by is not None:
        departments = [
            r[0]
            for key in (theme.lead, *theme.cooperating)
            if key not in ("partner", "union") and (r := s.roles.get(key))
        ]
        # Below the county the government across the table is the one consulted.
        for dept in (departments or [s.partner])[: rng.randint(1, 2)]:
            agrees = rng.random() < 0.9
            ctx.rows.add(
                "topic_consultation",
                topic_id=topic_id,
                department_unit_id=dept.id,
                consulted_on=ctx.between(vetted_on, consult_by),
                opinion=rng.choice(phrases.CONSULTATION_AGREES)
                if agrees
                else phrases.CONSULTATION_DOUBTS,
                agrees=agrees,
            )
    if status != T.MERGED:
        ctx.topics[(s.district, POOL_LEVEL[s.area])].append(
            TopicEntry(created, topic_id, s.union.id, theme)
        )
    return topic_id


def prepared_topic(
    ctx: Ctx, s: Series, theme: Theme, status: TopicStatus, meeting_day: date
) -> int:
    """A topic vetted (and for the county, consulted) ahead of a meeting on `meeting_day`."""
    rng = ctx.rng
    vetted = ctx.clamp(meeting_day - days(rng.randint(8, 25)))
    created = vetted - days(rng.randint(10, 60))
    consult_by = (
        ctx.clamp(meeting_day - days(1))
        if s.area in ("county", "party") or (rng.random() < 0.2)
        else None
    )
    return add_topic(
        ctx,
        s,
        theme,
        status,
        created=created,
        vetted_on=vetted,
        updated=ctx.clamp(meeting_day),
        consult_by=consult_by,
        research=s.area in ("county", "party") or rng.random() < RESEARCH_SHARE[s.area],
    )


def open_topics(
    ctx: Ctx, s: Series, count: int, scheduled: int | None, *, every_stage: bool = False
) -> None:
    """Topics still being worked on, or set aside, in the last months before today.

    `every_stage` adds one topic at each stage first (the office's own work shows them all).
    A merged topic goes into an open topic made before it, or else into `scheduled`.
    """
    rng = ctx.rng
    themes = THEMES_BY_AREA[s.area]
    merge_target = scheduled
    stages = list(OPEN_STAGES) if every_stage else []
    for status in stages + rng.choices(OPEN_STAGES, OPEN_WEIGHTS, k=count):
        if status == T.MERGED and merge_target is None:
            status = T.REJECTED
        created = ctx.today - days(rng.randint(20, 150))
        vetted = created + days(rng.randint(5, 15)) if status in (T.VETTED, T.CONSULTED) else None
        updated = ctx.clamp((vetted or created) + days(rng.randint(0, 10)))
        extra: dict[str, object] = {}
        if status == T.DEFERRED:
            extra["deferral_reason"] = rng.choice(phrases.DEFERRAL)
        elif status == T.REJECTED:
            extra["rejection_reason"] = rng.choice(phrases.REJECTION)
        elif status == T.MERGED:
            extra["merged_into_id"] = merge_target
        topic_id = add_topic(
            ctx,
            s,
            rng.choice(themes),
            status,
            created=created,
            updated=updated,
            vetted_on=vetted,
            consult_by=updated if status == T.CONSULTED else None,
            research=status == T.RESEARCHING,
            **extra,
        )
        if status in OPEN:
            merge_target = topic_id
