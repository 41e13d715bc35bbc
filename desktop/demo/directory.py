"""The unit directory of a county (or a township, or a city of counties) and its joint systems."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from desktop.core.pinyin import pinyin_keys
from desktop.demo import names
from desktop.demo.context import Ctx, Series, UnitRef
from desktop.demo.phrases import NOT_ESTABLISHED
from desktop.demo.rows import days
from desktop.models.enums import Level, MeetingKind, UnitKind

PHONE_BY_MOBILE = {UnitKind.ENTERPRISE_UNION, UnitKind.ENTERPRISE, UnitKind.INDUSTRY_ASSOCIATION}


@dataclass
class County:
    """One county-level area: its government side, its federation and what hangs below."""

    index: int
    name: str
    government: UnitRef
    federation: UnitRef
    departments: dict[str, UnitRef]
    township_govs: list[UnitRef] = field(default_factory=list)
    series: list[Series] = field(default_factory=list)


def make_unit(
    ctx: Ctx,
    name: str,
    kind: UnitKind,
    level: Level,
    parent: UnitRef | None,
    titles: tuple[str, str],
    *,
    short_name: str = "",
    address: str = "",
    member_count: int | None = None,
) -> UnitRef:
    rng = ctx.rng
    initials, full = pinyin_keys(name)
    phone = names.mobile(rng) if kind in PHONE_BY_MOBILE else names.landline(rng)
    unit_id = ctx.rows.record(
        "unit",
        ctx.created,
        ctx.created,
        name=name,
        short_name=short_name,
        kind=kind,
        level=level,
        parent_id=parent.id if parent else None,
        contact_person=names.person(rng),
        contact_phone=phone,
        address=address,
        member_count=member_count,
        pinyin_initials=initials,
        pinyin_full=full,
    )
    head, deputy = titles
    return UnitRef(unit_id, name, names.person(rng), head, names.person(rng), deputy)


def establish(ctx: Ctx, s: Series, founded: date | None, doc: tuple[str, str] = ("", "")) -> None:
    """The establishment (建制) row of a series; `founded` None means not yet established."""
    rng = ctx.rng
    if founded is None:
        deadline = ctx.today + days(rng.choice((-45, 30, 60, 90)))
        ctx.rows.record(
            "establishment",
            ctx.created,
            ctx.today - days(rng.randint(30, 200)),
            union_unit_id=s.union.id,
            partner_unit_id=s.partner.id,
            partner_name=s.partner.name,
            level=s.level,
            established=False,
            meetings_per_year=s.per_year,
            reason_not_established=rng.choice(NOT_ESTABLISHED),
            establish_deadline=deadline,
        )
        return
    ctx.rows.record(
        "establishment",
        min(founded, ctx.created),
        founded,
        union_unit_id=s.union.id,
        partner_unit_id=s.partner.id,
        partner_name=s.partner.name,
        level=s.level,
        established=True,
        established_on=founded,
        document_title=doc[0],
        document_number=doc[1],
        meetings_per_year=s.per_year,
    )


def _founded(ctx: Ctx, first_year: int, last_year: int) -> date:
    return ctx.between(date(first_year, 1, 1), date(last_year, 12, 31))


def county_side(
    ctx: Ctx,
    index: int,
    county: str,
    *,
    own: bool,
    federation: UnitRef | None,
    parent_gov: UnitRef | None = None,
    parent_union: UnitRef | None = None,
    department_keys: tuple[str, ...] | None = None,
) -> County:
    """The county government, its departments and (unless given) the county federation.

    `own` is the office's own county: its departments are plain 县人社局, not 滨海县人社局.
    """
    lc = names.level_char(county)
    gov = make_unit(
        ctx,
        f"{county}人民政府",
        UnitKind.GOVERNMENT,
        Level.COUNTY,
        parent_gov,
        (f"{lc}长", f"副{lc}长"),
        short_name=f"{lc}政府",
    )
    departments = {}
    for key, stem, short, head in names.DEPARTMENTS:
        if department_keys is not None and key not in department_keys:
            continue
        name = f"{lc if own else county}{short}" if key != "office" else f"{county}{stem}"
        departments[key] = make_unit(
            ctx,
            name,
            UnitKind.DEPARTMENT,
            Level.COUNTY,
            gov,
            (head, f"副{head}"),
            short_name=f"{lc}{short}",
        )
    if federation is None:
        federation = make_unit(
            ctx,
            f"{county}总工会",
            UnitKind.FEDERATION,
            Level.COUNTY,
            parent_union,
            ("主席", "副主席"),
            short_name=f"{lc}总工会",
            member_count=ctx.rng.randint(60, 140) * 1000,
        )
    return County(index, county, gov, federation, departments)


def county_series(ctx: Ctx, c: County, *, minutes_prefix: str, level: Level) -> None:
    """The government–union and party–union systems of a county (or city) federation."""
    rng = ctx.rng
    lc = names.level_char(c.name)
    party = make_unit(
        ctx,
        f"中共{c.name}委员会",
        UnitKind.PARTY_COMMITTEE,
        level,
        None,
        (f"{lc}委书记", f"{lc}委副书记"),
        short_name=f"{lc}委",
    )
    roles: dict[str, tuple[UnitRef, ...]] = {key: (d,) for key, d in c.departments.items()}
    roles["union"] = (c.federation,)
    if c.township_govs:
        roles["township_gov"] = tuple(c.township_govs)
    pairs = (
        ("county", MeetingKind.GOVERNMENT_UNION, c.government, 2011, "政府第一会议室", "政发"),
        ("party", MeetingKind.PARTY_UNION, party, 2014, "委常委会议室", "委办"),
    )
    for area, kind, partner, year, room, doc_mark in pairs:
        founded = _founded(ctx, year, year + 1)
        s = Series(
            area=area,
            kind=kind,
            level=level,
            union=c.federation,
            partner=partner,
            district=c.index,
            per_year=1,
            established_on=founded,
            series_base=(ctx.start.year - founded.year) * (3 if area == "county" else 2) // 2,
            place=f"{lc}{room}",
            minutes_prefix=minutes_prefix,
            roles={**roles, "partner": (partner,)},
            delegates=tuple(rng.sample(list(c.departments.values()), min(6, len(c.departments)))),
        )
        doc = (
            f"关于建立{partner.name}与{c.federation.name}联席会议制度的意见",
            f"{c.name[0]}{doc_mark}〔{founded.year}〕{rng.randint(10, 90)}号",
        )
        establish(ctx, s, founded, doc)
        c.series.append(s)


def industry_series(ctx: Ctx, c: County, count: int) -> None:
    rng = ctx.rng
    for union_stem, association_stem in rng.sample(names.INDUSTRIES, count):
        union = make_unit(
            ctx,
            f"{c.name}{union_stem}",
            UnitKind.INDUSTRY_UNION,
            Level.INDUSTRY,
            c.federation,
            ("主席", "副主席"),
            member_count=rng.randint(8, 60) * 100,
        )
        association = make_unit(
            ctx,
            f"{c.name}{association_stem}",
            UnitKind.INDUSTRY_ASSOCIATION,
            Level.INDUSTRY,
            None,
            ("会长", "副会长"),
        )
        founded = _founded(ctx, 2015, 2021)
        s = Series(
            area="industry",
            kind=MeetingKind.INDUSTRY_UNION,
            level=Level.INDUSTRY,
            union=union,
            partner=association,
            district=c.index,
            per_year=1,
            established_on=founded,
            series_base=ctx.start.year - founded.year,
            place=f"{c.federation.name}会议室",
            minutes_prefix=f"{union_stem[:2]}协",
            roles={"partner": (association,), "union": (union,)},
        )
        doc = (f"{association.name}与{union.name}联席会议制度", "")
        establish(ctx, s, founded, doc)
        c.series.append(s)
