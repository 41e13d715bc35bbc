"""CLI commands for the annual assessment: `scorecard` with its drill-down, and `rates`."""

from __future__ import annotations

import argparse
import json
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session

from desktop.core.assessment import (
    IndicatorScore,
    ProposalRules,
    Scorecard,
    UnitScore,
    YearRates,
    assessed_units,
    compute_scorecard,
    publish_scorecard,
    save_results,
    year_rates,
)
from desktop.core.assessment.areas import area_rates, default_area_level
from desktop.core.exports import rates_tables
from desktop.core.listing import plain
from desktop.core.office import local_office
from desktop.core.spreadsheet import write_sheets
from desktop.messages import message, status_label, value_label, worded_sheet
from desktop.models.enums import Level


def _date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"日期格式应为 YYYY-MM-DD：{text}") from exc


def indicator_name(indicator: IndicatorScore) -> str:
    return indicator.name or message(f"rule_{indicator.rule}")


def _indicator_json(indicator: IndicatorScore) -> dict[str, Any]:
    return {
        "code": indicator.code,
        "name": indicator_name(indicator),
        "rule": indicator.rule,
        "weight": indicator.weight,
        "points": indicator.points,
        "details": [
            {
                "text": message(d.code, d.fields),
                "code": d.code,
                "fields": d.fields,
                "points": d.points,
                "kind": d.kind,
                "id": d.record_id,
            }
            for d in indicator.details
        ],
    }


def _proposals(card: Scorecard) -> dict[int, tuple[str, str]]:
    """unit id → (commend or criticise, the reason worded)."""
    result = {p.unit_id: ("commend", message(p.reason, p.fields)) for p in card.commendations}
    result.update({p.unit_id: ("criticise", message(p.reason, p.fields)) for p in card.criticisms})
    return result


def _unit_json(score: UnitScore, proposal: tuple[str, str] | None) -> dict[str, Any]:
    return {
        "unit_id": score.unit_id,
        "unit_name": score.unit_name,
        "total": score.total,
        "rank": score.rank,
        "provisional": score.provisional,
        "previous_total": score.previous_total,
        "previous_rank": score.previous_rank,
        "change": score.change,
        "proposal": proposal[0] if proposal else None,
        "proposal_reason": proposal[1] if proposal else None,
        "indicators": [_indicator_json(i) for i in score.indicators],
    }


def _print_card(card: Scorecard, units: list[UnitScore], drill_down: bool) -> None:
    name = card.scheme.name or message("scheme_default_name", {"year": card.year})
    print(f"{name}（数据截至 {card.as_of}，共 {len(card.units)} 个单位）")
    proposals = _proposals(card)
    for u in units:
        change = "" if u.change is None else f"  较上年 {u.change:+.2f}"
        mark = {"commend": "  建议表扬", "criticise": "  建议批评"}.get(
            proposals.get(u.unit_id, ("", ""))[0], ""
        )
        print(f"{u.rank or '-':>3}  {u.unit_name}  {u.total:.2f} 分{change}{mark}")
        if not drill_down:
            continue
        for i in u.indicators:
            print(f"     {indicator_name(i)}（{i.weight:g} 分）：{i.points:.2f}")
            for d in i.details:
                ref = f"  [{d.kind} {d.record_id}]" if d.kind else ""
                print(f"        {d.points:+.2f}  {message(d.code, d.fields)}{ref}")


def cmd_scorecard(args: argparse.Namespace, session: Session) -> None:
    rules = ProposalRules(args.commend_at_least, args.commend_top, args.criticise_below)
    assessed = [uid for uid, _ in assessed_units(session, include_industry=args.industry)]
    # A unit outside the assessed set (e.g. this township's own) is scored on its own.
    alone = [args.unit] if args.unit is not None and args.unit not in assessed else None
    card = compute_scorecard(
        session,
        args.year,
        alone,
        today=args.today,
        include_industry=args.industry,
        rules=rules,
    )
    if args.save or args.publish:
        saved = publish_scorecard(session, card) if args.publish else save_results(session, card)
        what = "发布" if args.publish else "保存"
        print(f"已{what} {saved.saved} 个单位的考核结果；保留已发布或上级下发的 {saved.kept} 个。")
    units = [u for u in card.units if args.unit is None or u.unit_id == args.unit]
    if args.json:
        proposals = _proposals(card)
        rows = [_unit_json(u, proposals.get(u.unit_id)) for u in units]
        print(json.dumps(rows, ensure_ascii=False, indent=2))
        return
    _print_card(card, units, drill_down=args.unit is not None)


def _print_rates(rates: YearRates) -> None:
    print(f"{rates.year} 年度（数据截至 {rates.as_of}）")
    print("召开率（已召开 ÷ 应召开）")
    for c in rates.convening:
        rate = "—" if c.rate is None else f"{c.rate}%"
        print(
            f"  {value_label(c.level)}  {value_label(c.period)}  应召开 {c.required}  已召开 {c.convened}"
            f"  {rate}  （实际开会 {c.meetings_held} 次）"
        )
    print("建制率")
    for e in rates.establishment:
        print(f"  {value_label(e.level)}  {e.established}/{e.pairs}  {e.rate}%")
    a = rates.adoption
    print(f"职工建议：收到 {a.received} 条，{status_label('adopted')} {a.adopted} 条")
    for row in a.by_level:
        print(f"  {value_label(row.level)}  收到 {row.received}  采纳 {row.adopted}")
    print("会议情况")
    for m in rates.activity:
        print(
            f"  {value_label(m.level)}  召开 {m.meetings} 次  议题 {m.topics} 个"
            f"  议定事项 {m.items} 项"
        )


def cmd_rates(args: argparse.Namespace, session: Session) -> None:
    if args.xlsx:
        tables = rates_tables(session, args.year, args.today)
        count = write_sheets(args.xlsx, [worded_sheet(t) for t in tables])
        print(message("exported", {"count": count, "path": args.xlsx}))
        return
    rates = year_rates(session, args.year, today=args.today)
    level = Level(args.by) if args.by else default_area_level(local_office(session).level)
    areas = area_rates(session, args.year, level, today=args.today) if level else ()
    if args.json:
        print(json.dumps({**plain(rates), "by_area": plain(areas)}, ensure_ascii=False, indent=2))
        return
    _print_rates(rates)
    if areas:
        print(f"按{value_label(level)}（召开率由低到高）")
        for r in areas:
            convening = "—" if r.convening_rate is None else f"{r.convening_rate}%"
            established = "—" if r.establishment_rate is None else f"{r.establishment_rate}%"
            print(
                f"  {r.name}  召开率 {convening}（{r.convened}/{r.required}）"
                f"  建制率 {established}（{r.established}/{r.pairs}）"
            )


def add_assessment_commands(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("scorecard", help="考核计分与排名 / assessment scorecard")
    p.add_argument("--year", type=int, required=True)
    p.add_argument("--unit", type=int, metavar="ID", help="只看这个单位，并列出每一项得失分")
    p.add_argument("--industry", action="store_true", help="同时考核行业工会")
    p.add_argument("--today", type=_date, help="年度未结束时按此日期计算（默认今天）")
    p.add_argument(
        "--commend-at-least", type=float, default=90.0, metavar="POINTS", help="表扬的最低分"
    )
    p.add_argument("--commend-top", type=int, default=0, metavar="N", help="只表扬前 N 名")
    p.add_argument(
        "--criticise-below", type=float, default=60.0, metavar="POINTS", help="低于此分通报批评"
    )
    store = p.add_mutually_exclusive_group()
    store.add_argument("--save", action="store_true", help="保存为待发布的考核结果")
    store.add_argument("--publish", action="store_true", help="保存并发布考核结果")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_scorecard)

    p = sub.add_parser("rates", help="召开率、建制率、建议采纳 / the year's rates")
    p.add_argument("--year", type=int, required=True)
    p.add_argument("--today", type=_date, help="年度未结束时按此日期计算（默认今天）")
    p.add_argument("--json", action="store_true", help="输出 JSON / print JSON")
    p.add_argument(
        "--xlsx", type=Path, metavar="FILE", help="导出为 Excel 表格 / write a spreadsheet"
    )
    p.add_argument(
        "--by",
        choices=[Level.COUNTY.value, Level.TOWNSHIP.value],
        help="按县或乡镇分列（默认：市、省按县，县按乡镇）",
    )
    p.set_defaults(handler=cmd_rates)
