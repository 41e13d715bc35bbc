"""Seed to rows: the demo office of a scale and its whole history, as plain rows per table."""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey

from desktop.core.errors import InvalidInput
from desktop.core.office import OFFICE_UNIT_KIND, StoredKeys
from desktop.demo import names
from desktop.demo.context import Ctx, Series, UnitRef
from desktop.demo.directory import (
    County,
    county_series,
    county_side,
    industry_series,
    make_unit,
)
from desktop.demo.meetings import generate_series
from desktop.demo.rows import TABLE_ORDER, DemoRows, Row, stamp
from desktop.demo.suggestions import suggestions
from desktop.demo.supervision import supervise
from desktop.demo.topics import open_topics
from desktop.demo.townships import township
from desktop.models.enums import Level

SCALES = ("county", "township", "province")
# Whose agreed items the local office itself follows, by scale.
SUPERVISED_AREAS = {
    "county": {"county", "party", "township", "industry"},
    "township": {"township", "enterprise"},
    "province": {"county", "party"},
}
COUNTY_TOWNSHIPS = 25
COUNTY_ENTERPRISES = 800
COUNTY_INDUSTRIES = 4
TOWNSHIP_ENTERPRISES = 30
SUGGESTIONS_PER_YEAR = {"county": 500, "township": 40}
FORMALITY_TOWNS = 4  # Binhai: four towns held their meeting for form and had to hold it again
# Open topics per series still being prepared or set aside: (smallest, largest) by area.
OPEN_TOPICS = {"county": (3, 6), "party": (1, 3), "township": (0, 2), "industry": (0, 1)}


@dataclass(frozen=True)
class OfficeSpec:
    name: str
    level: Level
    parent_name: str
    doc_prefix: str
    uuid: str
    keys: StoredKeys


@dataclass(frozen=True)
class DemoData:
    """Every row of the demo database, in insertion order, and the office they belong to."""

    office: OfficeSpec
    tables: dict[str, list[Row]]

    def counts(self) -> dict[str, int]:
        return {name: len(rows) for name, rows in self.tables.items()}


def seeded_keys(rng: random.Random) -> StoredKeys:
    """The office's key pair from the seed, so two builds are byte for byte the same."""
    signing = Ed25519PrivateKey.from_private_bytes(rng.randbytes(32))
    encryption = X25519PrivateKey.from_private_bytes(rng.randbytes(32))
    pkcs8, raw = serialization.PrivateFormat.PKCS8, serialization.Encoding.Raw
    pem, public_raw = serialization.Encoding.PEM, serialization.PublicFormat.Raw
    none = serialization.NoEncryption()
    return StoredKeys(
        signing_private_pem=signing.private_bytes(pem, pkcs8, none),
        signing_public_raw=signing.public_key().public_bytes(raw, public_raw),
        encryption_private_pem=encryption.private_bytes(pem, pkcs8, none),
        encryption_public_raw=encryption.public_key().public_bytes(raw, public_raw),
    )


def _spread(ctx: Ctx, total: int, parts: int) -> list[int]:
    """Split `total` enterprises over `parts` townships, unevenly as in a real county."""
    weights = [ctx.rng.uniform(0.4, 1.8) for _ in range(parts)]
    counts = [int(total * w / sum(weights)) for w in weights]
    counts[0] += total - sum(counts)
    return counts


def _full_county(ctx: Ctx, c: County, *, prefix: str, level: Level) -> None:
    """Townships with their enterprises, industry unions and the county's own systems."""
    rng = ctx.rng
    company_names = names.EnterpriseNames(rng, c.name)
    places = names.townships(rng, COUNTY_TOWNSHIPS, binhai=c.name == "滨海县")
    for (stem, is_street), count in zip(
        places, _spread(ctx, COUNTY_ENTERPRISES, len(places)), strict=True
    ):
        township(
            ctx,
            c,
            stem,
            is_street=is_street,
            enterprises=count,
            prefix=prefix,
            company_names=company_names,
        )
    industry_series(ctx, c, COUNTY_INDUSTRIES)
    county_series(ctx, c, minutes_prefix=names.doc_prefix(c.name), level=level)


def _county_scale(ctx: Ctx) -> list[County]:
    c = county_side(ctx, 0, "滨海县", own=True, federation=ctx.office_unit)
    _full_county(ctx, c, prefix="", level=Level.COUNTY)
    return [c]


def _township_scale(ctx: Ctx) -> list[County]:
    c = county_side(
        ctx,
        0,
        "滨海县",
        own=True,
        federation=None,
        department_keys=("office", "hrss", "finance", "miit"),
    )
    township(
        ctx,
        c,
        "八滩镇",
        is_street=False,
        enterprises=TOWNSHIP_ENTERPRISES,
        prefix="",
        company_names=names.EnterpriseNames(ctx.rng, "滨海县"),
        union=ctx.office_unit,
    )
    return [c]


def _province_scale(ctx: Ctx) -> list[County]:
    city = county_side(ctx, 0, names.CITY, own=True, federation=ctx.office_unit)
    county_series(ctx, city, minutes_prefix=ctx.doc_prefix, level=Level.CITY)
    counties = [city]
    for index, name in enumerate(names.COUNTIES, start=1):
        c = county_side(
            ctx,
            index,
            name,
            own=False,
            federation=None,
            parent_gov=city.government,
            parent_union=ctx.office_unit,
        )
        _full_county(ctx, c, prefix=name, level=Level.COUNTY)
        counties.append(c)
    return counties


# name, level, parent office, document prefix, how the directory below it is built
OFFICES = {
    "county": ("滨海县总工会", Level.COUNTY, "盐城市总工会", "滨工联", _county_scale),
    "township": ("八滩镇工会", Level.TOWNSHIP, "滨海县总工会", "八工", _township_scale),
    "province": ("盐城市总工会", Level.CITY, "江苏省总工会", "盐工联", _province_scale),
}


def generate_demo(*, scale: str = "county", seed: int = 1, years: int = 3, today: date) -> DemoData:
    """All rows of a demo database; the same scale, seed, years and today give the same rows."""
    if scale not in SCALES:
        raise InvalidInput("unknown_scale", field="scale", allowed=SCALES)
    if not 1 <= years <= 15:
        raise InvalidInput("out_of_range", field="years", min=1, max=15)
    name, level, parent, prefix, build = OFFICES[scale]
    # Uuids and keys have their own streams, so the content does not shift when they change;
    # each scale has its own, so a demo township and a demo county can exchange packages.
    rows = DemoRows(random.Random(f"uuid:{scale}:{seed}"))
    rng = random.Random(seed)
    start = date(today.year - years, today.month, 1)
    # The office's own unit is made first (id 1), with the context it needs; then it is known.
    ctx = Ctx(rng, rows, today, start, UnitRef(1, name, "", "", "", ""), prefix, names.person(rng))
    office_unit = _office_unit(ctx, name, level)
    ctx.office_unit = office_unit
    counties = build(ctx)
    keys = seeded_keys(random.Random(f"keys:{scale}:{seed}"))
    rows.add(
        "office",
        uuid=rows.office_uuid,
        name=name,
        level=level,
        parent_name=parent,
        doc_prefix=prefix,
        is_local=True,
        unit_id=office_unit.id,
        signing_private_key=keys.signing_private_pem,
        signing_public_key=keys.signing_public_raw,
        encryption_private_key=keys.encryption_private_pem,
        encryption_public_key=keys.encryption_public_raw,
        created_at=stamp(ctx.created, 0),
    )
    _history(ctx, scale, counties)
    tables = {t: rows.tables[t].rows for t in TABLE_ORDER}
    return DemoData(OfficeSpec(name, level, parent, prefix, rows.office_uuid, keys), tables)


def _office_unit(ctx: Ctx, name: str, level: Level) -> UnitRef:
    titles = ("工会主席", "工会副主席") if level == Level.TOWNSHIP else ("主席", "副主席")
    return make_unit(ctx, name, OFFICE_UNIT_KIND[level], level, None, titles)


def _history(ctx: Ctx, scale: str, counties: list[County]) -> None:
    rng = ctx.rng
    everything: list[Series] = [s for c in counties for s in c.series]
    for s in everything:
        s.supervised = s.area in SUPERVISED_AREAS[scale]
        if s.union.id == ctx.office_unit.id:
            s.minutes_prefix = ctx.doc_prefix
    for c in counties:
        towns = [s for s in c.series if s.area == "township" and s.established_on]
        flagged = {id(s) for s in rng.sample(towns, min(FORMALITY_TOWNS, len(towns)))}
        if scale == "township":  # the township's own enterprises are the ones it supervises
            enterprises = [s for s in c.series if s.area == "enterprise" and s.established_on]
            flagged |= {id(rng.choice(enterprises))}
        for s in c.series:
            scheduled = generate_series(ctx, s, flag_one=id(s) in flagged)
            low, high = OPEN_TOPICS.get(s.area, (0, 0))
            if s.established_on and high:
                own = s.union.id == ctx.office_unit.id and s.area != "party"
                open_topics(ctx, s, rng.randint(low, high), scheduled, every_stage=own)
        per_year = SUGGESTIONS_PER_YEAR["township" if scale == "township" else "county"]
        if c.index > 0 or scale != "province":  # a city hears from its counties' townships
            forward_to = list(c.departments.values()) + c.township_govs
            suggestions(ctx, c.index, c.series, per_year, forward_to)
    supervise(ctx, everything)
