"""Townships and streets with their governments and unions, and the enterprises below them."""

from __future__ import annotations

from datetime import date

from desktop.demo import names
from desktop.demo.context import Ctx, Series, UnitRef
from desktop.demo.directory import County, establish, make_unit
from desktop.models.enums import Level, MeetingKind, UnitKind

ENTERPRISE_ROOMS = ("公司三楼会议室", "职工之家活动室", "公司会议室", "行政楼二楼会议室")
NOT_ESTABLISHED_SHARE = {"township": 0.04, "enterprise": 0.05}


def _founded(
    ctx: Ctx, area: str, first_year: int, last_year: int, *, surely: bool = False
) -> date | None:
    """When the pair set up its system, or None for the few that have not yet."""
    if not surely and ctx.rng.random() < NOT_ESTABLISHED_SHARE[area]:
        return None
    return ctx.between(date(first_year, 1, 1), date(last_year, 12, 31))


def township(
    ctx: Ctx,
    c: County,
    stem: str,
    *,
    is_street: bool,
    enterprises: int,
    prefix: str,
    company_names: names.EnterpriseNames,
    union: UnitRef | None = None,
) -> None:
    """A township (or street) pair and its enterprises, each pair with its joint system.

    `union` is given when the township union is the office itself (the township scale).
    """
    rng = ctx.rng
    level = Level.STREET if is_street else Level.TOWNSHIP
    gov_name = f"{prefix}{stem}{'办事处' if is_street else '人民政府'}"
    titles = ("主任", "副主任") if is_street else ("镇长", "副镇长")
    address = f"{stem}{rng.choice(('人民路', '建设路', '中心街', '健康路'))}{rng.randint(1, 188)}号"
    gov = make_unit(
        ctx, gov_name, UnitKind.GOVERNMENT, level, c.government, titles, address=address
    )
    own = union is not None
    if union is None:
        kind = UnitKind.STREET_UNION if is_street else UnitKind.TOWNSHIP_UNION
        union = make_unit(
            ctx,
            f"{prefix}{stem}工会",
            kind,
            level,
            c.federation,
            ("工会主席", "工会副主席"),
            address=address,
            member_count=rng.randint(20, 90) * 100,
        )
    c.township_govs.append(gov)
    companies = [_enterprise(ctx, c, gov, union, stem, company_names) for _ in range(enterprises)]
    roles: dict[str, tuple[UnitRef, ...]] = {
        "partner": (gov,),
        "union": (union,),
        "federation": (c.federation,),
        "enterprise": tuple(companies) or (gov,),
    }
    roles.update(
        {key: (c.departments[key],) for key in ("hrss", "finance") if key in c.departments}
    )
    # The office's own system exists: it is what the office runs the program for.
    founded = _founded(ctx, "township", 2012, 2020, surely=own)
    s = Series(
        area="township",
        kind=MeetingKind.GOVERNMENT_UNION,
        level=level,
        union=union,
        partner=gov,
        district=c.index,
        per_year=2,
        established_on=founded,
        series_base=2 * (ctx.start.year - founded.year) if founded else 0,
        place=f"{stem}{'办事处' if is_street else '政府'}会议室",
        minutes_prefix=f"{stem[:2]}办" if is_street else f"{stem[0]}政",
        roles=roles,
        delegates=(c.federation,),
    )
    mark = f"{stem[:2]}办发" if is_street else f"{stem[0]}政发"
    doc = (
        f"关于建立{gov.name}与{union.name}联席会议制度的通知",
        f"{mark}〔{founded.year if founded else 0}〕{rng.randint(5, 80)}号",
    )
    establish(ctx, s, founded, doc)
    c.series.append(s)


def _enterprise(
    ctx: Ctx,
    c: County,
    gov: UnitRef,
    township_union: UnitRef,
    stem: str,
    company_names: names.EnterpriseNames,
) -> UnitRef:
    rng = ctx.rng
    name, brand = company_names.next()
    address = f"{stem}工业园区{rng.choice(('纬一路', '经二路', '兴业大道', '创业路'))}{rng.randint(1, 99)}号"
    company = make_unit(
        ctx,
        name,
        UnitKind.ENTERPRISE,
        Level.ENTERPRISE,
        gov,
        ("总经理", "副总经理"),
        address=address,
    )
    members = max(15, min(3000, int(rng.lognormvariate(4.6, 0.8))))
    union = make_unit(
        ctx,
        f"{name}工会",
        UnitKind.ENTERPRISE_UNION,
        Level.ENTERPRISE,
        township_union,
        ("工会主席", "工会副主席"),
        address=address,
        member_count=members,
    )
    last_year = min(ctx.today.year, ctx.start.year + 1)
    founded = _founded(ctx, "enterprise", 2016, last_year)
    s = Series(
        area="enterprise",
        kind=MeetingKind.ENTERPRISE_UNION,
        level=Level.ENTERPRISE,
        union=union,
        partner=company,
        district=c.index,
        per_year=4,
        established_on=founded,
        series_base=4 * max(0, ctx.start.year - founded.year) if founded else 0,
        place=rng.choice(ENTERPRISE_ROOMS),
        minutes_prefix=f"{brand}司",
        roles={"partner": (company,), "union": (union,)},
    )
    doc = (
        f"{name}关于建立企业行政方与工会联席会议制度的通知",
        f"{brand}司〔{founded.year if founded else 0}〕{rng.randint(1, 30)}号",
    )
    establish(ctx, s, founded, doc)
    c.series.append(s)
    return company
