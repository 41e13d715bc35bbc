"""CLI commands for every lifecycle step: units to bulletins, each a thin call into core."""

from __future__ import annotations

import argparse
import json
from collections.abc import Callable
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session

from desktop.core import (
    establishments,
    items,
    meetings,
    suggestions,
    supervision,
    topics,
    unit_merge,
    units,
)
from desktop.core.decisions import WORDS
from desktop.core.deletion import delete_record
from desktop.core.errors import InvalidInput
from desktop.core.kinds import record_kind
from desktop.core.listing import plain
from desktop.core.meeting_dto import ParticipantInput
from desktop.core.voiding import void_document
from desktop.models.enums import (
    AttendanceRole,
    Channel,
    Level,
    MeetingKind,
    MentionKind,
    NoticeKind,
    TopicSource,
    UnitKind,
)

Handler = Callable[[argparse.Namespace, Session], Any]


def _date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"日期格式应为 YYYY-MM-DD：{text}") from exc


def unit_ref(session: Session, text: str) -> int:
    """A unit given by id or by its exact name (a clerk types names)."""
    if text.isdigit():
        return int(text)
    found = units.find_unit_by_name(session, text)
    if found is None:
        raise InvalidInput("unit_name_not_found", field="unit_id", name=text)
    return found.id


def _ids(text: str) -> tuple[int, ...]:
    try:
        return tuple(int(p) for p in text.split(",") if p.strip())
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"应为逗号分隔的编号：{text}") from exc


def _done(args: argparse.Namespace, dto: Any, what: str) -> None:
    if args.json:
        print(json.dumps(plain(dto), ensure_ascii=False, indent=2))
    else:
        print(f"{what}（编号 {dto.id}）")


def _cmd(
    group: argparse._SubParsersAction[argparse.ArgumentParser],
    name: str,
    help_text: str,
    handler: Handler,
) -> argparse.ArgumentParser:
    p = group.add_parser(name, help=help_text)
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=handler)
    return p


def _kind_commands(
    sub: argparse._SubParsersAction[argparse.ArgumentParser], key: str
) -> argparse._SubParsersAction[argparse.ArgumentParser]:
    """The `lianxi KIND ACTION` group of one record kind, named and described by the registry."""
    kind = record_kind(key)
    return sub.add_parser(kind.key, help=kind.label).add_subparsers(dest="action", required=True)


def _unit_commands(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    g = _kind_commands(sub, "unit")

    def add(a: argparse.Namespace, s: Session) -> None:
        parent = unit_ref(s, a.parent) if a.parent else None
        dto = units.create_unit(
            s,
            units.UnitInput(
                name=a.name,
                kind=UnitKind(a.kind),
                level=Level(a.level),
                parent_id=parent,
                contact_person=a.contact or "",
                contact_phone=a.phone or "",
            ),
        )
        _done(a, dto, f"已添加单位：{dto.name}")

    p = _cmd(g, "add", "添加单位", add)
    p.add_argument("--name", required=True)
    p.add_argument("--kind", required=True, choices=[k.value for k in UnitKind])
    p.add_argument("--level", required=True, choices=[lv.value for lv in Level])
    p.add_argument("--parent")
    p.add_argument("--contact")
    p.add_argument("--phone")

    def merge(a: argparse.Namespace, s: Session) -> None:
        merged = unit_merge.merge_units(s, unit_ref(s, a.merged), unit_ref(s, a.into))
        if a.json:
            print(json.dumps(plain(merged), ensure_ascii=False, indent=2))
        else:
            print(
                f"已将“{merged.merged_name}”合并到“{merged.into_name}”（单位编号 {merged.into_unit_id}）"
            )

    p = _cmd(
        g, "merge", "合并重复单位：前者的记录全部转到后者，前者停用（随数据包发给对方）", merge
    )
    p.add_argument("merged", metavar="重复的单位", help="编号或名称")
    p.add_argument("into", metavar="保留的单位", help="编号或名称")

    def est(a: argparse.Namespace, s: Session) -> None:
        partner_id, partner_name = _partner(s, a.partner)
        dto = establishments.create_establishment(
            s,
            establishments.EstablishmentInput(
                union_unit_id=unit_ref(s, a.union),
                partner_name=partner_name,
                partner_unit_id=partner_id,
                level=Level(a.level),
                established=a.established_on is not None,
                established_on=a.established_on,
                document_title=a.document or "",
                document_number=a.number or "",
                meetings_per_year=a.per_year,
                reason_not_established=a.reason or "",
                establish_deadline=a.deadline,
            ),
        )
        _done(a, dto, "已登记建制情况")

    g2 = _kind_commands(sub, "establishment")
    p = _cmd(g2, "add", "登记建制情况", est)
    p.add_argument("--union", required=True)
    p.add_argument("--partner", required=True, help="对方单位名称，如 滨海县人民政府")
    p.add_argument("--level", required=True, choices=[lv.value for lv in Level])
    _establishment_options(p)
    _establishment_update_commands(g2)


def _establishment_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--established-on", type=_date, help="建制日期（给出即为已建制）")
    p.add_argument("--document", help="建制文件标题")
    p.add_argument("--number", help="建制文件文号")
    p.add_argument("--per-year", type=int, help="每年应召开次数（1–52，不给按层级默认）")
    p.add_argument("--reason", help="未建制原因")
    p.add_argument("--deadline", type=_date, help="限期建制日期")


def _partner(session: Session, text: str) -> tuple[int | None, str]:
    """The partner side: a directory unit by id or exact name (linked), else a name only."""
    if text.isdigit():
        unit = units.get_unit(session, int(text))
        return unit.id, unit.name
    found = units.find_unit_by_name(session, text)
    return (found.id, found.name) if found is not None else (None, text)


def _establishment_update_commands(
    g: argparse._SubParsersAction[argparse.ArgumentParser],
) -> None:
    def update(a: argparse.Namespace, s: Session) -> None:
        data = establishments.establishment_input(establishments.get_establishment(s, a.id))
        changes: dict[str, Any] = {}
        if a.union is not None:
            changes["union_unit_id"] = unit_ref(s, a.union)
        if a.partner is not None:
            changes["partner_unit_id"], changes["partner_name"] = _partner(s, a.partner)
        if a.level is not None:
            changes["level"] = Level(a.level)
        if a.established_on is not None:
            changes.update(established=True, established_on=a.established_on)
        elif a.not_established:
            changes.update(established=False, established_on=None)
        for option, field in (
            ("document", "document_title"),
            ("number", "document_number"),
            ("per_year", "meetings_per_year"),
            ("reason", "reason_not_established"),
            ("deadline", "establish_deadline"),
        ):
            if getattr(a, option) is not None:
                changes[field] = getattr(a, option)
        dto = establishments.update_establishment(s, a.id, replace(data, **changes))
        _done(a, dto, "已修改建制情况")

    p = _cmd(g, "update", "修改建制情况（只改给出的项）", update)
    p.add_argument("id", type=int)
    p.add_argument("--union", help="工会（编号或名称）")
    p.add_argument("--partner", help="对方单位（名录中的编号或名称，或仅名称）")
    p.add_argument("--level", choices=[lv.value for lv in Level])
    p.add_argument(
        "--not-established",
        action="store_true",
        help="改为未建制（须有未建制原因，可用 --reason 给出）",
    )
    _establishment_options(p)

    def close(a: argparse.Namespace, s: Session) -> None:
        dto = establishments.get_establishment(s, a.id)
        delete_record(s, "establishment", a.id)
        if a.json:
            print(json.dumps({"id": a.id, "closed": True}, ensure_ascii=False))
        else:
            print(f"已撤销建制记录：{dto.union_name}—{dto.partner_name}（编号 {a.id}）")

    p = _cmd(
        g,
        "close",
        "撤销建制记录（误登，或这一对单位已不存在，如乡镇撤并）；撤销后不再计入建制率",
        close,
    )
    p.add_argument("id", type=int)


def _suggestion_commands(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    g = _kind_commands(sub, "suggestion")

    def add(a: argparse.Namespace, s: Session) -> None:
        dto = suggestions.register_suggestion(
            s,
            suggestions.SuggestionInput(
                channel=Channel(a.channel),
                received_on=a.received_on,
                content=a.content,
                target_level=Level(a.target_level),
                receiving_unit_id=unit_ref(s, a.unit) if a.unit else None,
                anonymous=a.anonymous,
                submitter_name=a.name or "",
                submitter_phone=a.phone or "",
            ),
        )
        _done(a, dto, "已登记职工建议")

    p = _cmd(g, "add", "登记建议", add)
    p.add_argument("--channel", required=True, choices=[c.value for c in Channel])
    p.add_argument("--received-on", required=True, type=_date)
    p.add_argument("--content", required=True)
    p.add_argument("--target-level", required=True, choices=[lv.value for lv in Level])
    p.add_argument("--unit", help="收到建议的工会")
    p.add_argument("--anonymous", action="store_true")
    p.add_argument("--name")
    p.add_argument("--phone")

    def adopt(a: argparse.Namespace, s: Session) -> None:
        dto = suggestions.adopt_suggestion(
            s,
            a.id,
            topic_id=a.topic,
            new_topic_title=a.new_topic,
            union_unit_id=unit_ref(s, a.union) if a.union else None,
        )
        _done(a, dto, f"已采纳，列入议题 {dto.topic_id}")

    p = _cmd(g, "adopt", "采纳为议题", adopt)
    p.add_argument("id", type=int)
    src = p.add_mutually_exclusive_group(required=True)
    src.add_argument("--topic", type=int, help="并入已有议题")
    src.add_argument("--new-topic", help="新议题标题")
    p.add_argument("--union", help="新议题所属工会（默认为收到建议的工会）")

    def forward(a: argparse.Namespace, s: Session) -> None:
        _done(a, suggestions.forward_suggestion(s, a.id, unit_ref(s, a.to)), "已转办")

    p = _cmd(g, "forward", "转办", forward)
    p.add_argument("id", type=int)
    p.add_argument("--to", required=True)

    def reply(a: argparse.Namespace, s: Session) -> None:
        _done(a, suggestions.reply_to_worker(s, a.id, a.text, a.on), "已记录答复")

    p = _cmd(g, "reply", "答复职工", reply)
    p.add_argument("id", type=int)
    p.add_argument("--text", required=True)
    p.add_argument("--on", required=True, type=_date)

    def reject(a: argparse.Namespace, s: Session) -> None:
        _done(a, suggestions.reject_suggestion(s, a.id, a.reason), "已记录不予采纳")

    p = _cmd(g, "reject", "不予采纳", reject)
    p.add_argument("id", type=int)
    p.add_argument("--reason", required=True)


def _topic_commands(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    g = _kind_commands(sub, "topic")

    def add(a: argparse.Namespace, s: Session) -> None:
        dto = topics.create_topic(
            s,
            topics.TopicInput(
                title=a.title,
                source=TopicSource(a.source),
                union_unit_id=unit_ref(s, a.union),
                description=a.description or "",
                proposing_unit_id=unit_ref(s, a.proposer) if a.proposer else None,
                priority=a.priority,
            ),
        )
        _done(a, dto, "已新建议题")

    p = _cmd(g, "add", "新建议题", add)
    p.add_argument("--title", required=True)
    p.add_argument("--source", required=True, choices=[x.value for x in TopicSource])
    p.add_argument("--union", required=True)
    p.add_argument("--description")
    p.add_argument("--proposer")
    p.add_argument("--priority", type=int, default=2, choices=(1, 2, 3))

    def research(a: argparse.Namespace, s: Session) -> None:
        dto = topics.add_research_visit(
            s,
            a.id,
            visited_on=a.on,
            place=a.place,
            participants=a.participants or "",
            findings=a.findings or "",
        )
        _done(a, dto, "已记录调研")

    p = _cmd(g, "research", "记录调研", research)
    p.add_argument("id", type=int)
    p.add_argument("--on", required=True, type=_date)
    p.add_argument("--place", required=True)
    p.add_argument("--participants")
    p.add_argument("--findings")

    def vet(a: argparse.Namespace, s: Session) -> None:
        _done(a, topics.vet_topic(s, a.id, on=a.on, conclusion=a.conclusion), "议题已审定")

    p = _cmd(g, "vet", "审定议题", vet)
    p.add_argument("id", type=int)
    p.add_argument("--on", required=True, type=_date)
    p.add_argument("--conclusion", required=True)

    def consult(a: argparse.Namespace, s: Session) -> None:
        dto = topics.add_consultation(
            s,
            a.id,
            department_unit_id=unit_ref(s, a.department),
            on=a.on,
            opinion=a.opinion,
            agrees=not a.disagree,
        )
        _done(a, dto, "已记录部门意见")

    p = _cmd(g, "consult", "征求部门意见", consult)
    p.add_argument("id", type=int)
    p.add_argument("--department", required=True)
    p.add_argument("--on", required=True, type=_date)
    p.add_argument("--opinion", required=True)
    p.add_argument("--disagree", action="store_true")

    for name, label, fn in (
        ("defer", "暂缓", topics.defer_topic),
        ("reject", "不予采纳", topics.reject_topic),
    ):

        def with_reason(
            a: argparse.Namespace, s: Session, fn: Any = fn, label: str = label
        ) -> None:
            _done(a, fn(s, a.id, a.reason), f"议题已{label}")

        p = _cmd(g, name, label, with_reason)
        p.add_argument("id", type=int)
        p.add_argument("--reason", required=True)

    def merge(a: argparse.Namespace, s: Session) -> None:
        _done(a, topics.merge_topic(s, a.id, a.into), "议题已合并")

    p = _cmd(g, "merge", "合并议题", merge)
    p.add_argument("id", type=int)
    p.add_argument("--into", required=True, type=int)

    def reopen(a: argparse.Namespace, s: Session) -> None:
        _done(a, topics.reopen_topic(s, a.id), "议题已重新列为候选")

    _cmd(g, "reopen", "重新列为候选", reopen).add_argument("id", type=int)


def _meeting_commands(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    g = _kind_commands(sub, "meeting")

    def add(a: argparse.Namespace, s: Session) -> None:
        dto = meetings.create_meeting(
            s,
            meetings.MeetingInput(
                kind=MeetingKind(a.kind),
                level=Level(a.level),
                union_unit_id=unit_ref(s, a.union),
                partner_name=a.partner,
                partner_unit_id=unit_ref(s, a.partner_unit) if a.partner_unit else None,
                series_number=a.number,
                planned_on=a.planned_on,
                place=a.place or "",
                chair=a.chair or "",
                starts_at=a.time,
            ),
        )
        _done(a, dto, f"已新建第{dto.series_number}次会议")

    p = _cmd(g, "add", "筹备会议", add)
    p.add_argument("--kind", required=True, choices=[k.value for k in MeetingKind])
    p.add_argument("--level", required=True, choices=[lv.value for lv in Level])
    p.add_argument("--union", required=True)
    p.add_argument("--partner", required=True)
    p.add_argument("--partner-unit")
    p.add_argument("--number", type=int, help="第N次（默认顺延）")
    p.add_argument("--planned-on", type=_date)
    p.add_argument("--place")
    p.add_argument("--chair")
    p.add_argument("--time", metavar="HH:MM", help="开始时间，如 09:30")

    def schedule(a: argparse.Namespace, s: Session) -> None:
        _done(a, meetings.schedule_topic(s, a.id, a.topic), "议题已列入会议")

    p = _cmd(g, "schedule", "列入会议", schedule)
    p.add_argument("id", type=int)
    p.add_argument("--topic", required=True, type=int)

    def unschedule(a: argparse.Namespace, s: Session) -> None:
        _done(a, meetings.unschedule_topic(s, a.id, a.topic), "议题已移出议程")

    p = _cmd(g, "unschedule", "移出议程", unschedule)
    p.add_argument("id", type=int)
    p.add_argument("--topic", required=True, type=int)

    def participant(a: argparse.Namespace, s: Session) -> None:
        current = meetings.get_meeting(s, a.id).participants
        people = [
            ParticipantInput(p.name, p.role, p.unit_id, p.unit_name, p.title, p.absence_reason)
            for p in current
        ]
        people.append(
            ParticipantInput(
                a.name,
                AttendanceRole(a.role),
                unit_name=a.unit_name or "",
                title=a.title or "",
                absence_reason=a.reason or "",
            )
        )
        _done(a, meetings.set_participants(s, a.id, people), "已添加参会人员")

    p = _cmd(g, "participant", "添加参会人员", participant)
    p.add_argument("id", type=int)
    p.add_argument("--name", required=True)
    p.add_argument("--role", required=True, choices=[r.value for r in AttendanceRole])
    p.add_argument("--unit-name")
    p.add_argument("--title")
    p.add_argument("--reason", help="请假原因")

    def notify(a: argparse.Namespace, s: Session) -> None:
        _done(a, meetings.notify_meeting(s, a.id, issued_on=a.on), "已发出会议通知")

    p = _cmd(g, "notify", "发出会议通知（编号并印发）", notify)
    p.add_argument("id", type=int)
    p.add_argument("--on", type=_date, help="印发日期（默认今天，不晚于会议日期）")

    def hold(a: argparse.Namespace, s: Session) -> None:
        _done(a, meetings.hold_meeting(s, a.id, a.on), "会议已标记为已召开")

    p = _cmd(g, "hold", "标记已召开", hold)
    p.add_argument("id", type=int)
    p.add_argument("--on", required=True, type=_date)

    def decide(a: argparse.Namespace, s: Session) -> None:
        outcome = {words: outcome for outcome, words in WORDS.items()}[a.outcome]
        dto = meetings.record_decision(s, a.id, a.topic, a.text or "", outcome)
        _done(a, dto, "已记录会议对该议题的决定")

    p = _cmd(g, "decide", "记录会议对议题的决定", decide)
    p.add_argument("id", type=int)
    p.add_argument("--topic", required=True, type=int)
    p.add_argument("--outcome", required=True, choices=list(WORDS.values()))
    p.add_argument("--text", help="决定内容；暂缓、不予通过须写明理由")

    def minutes(a: argparse.Namespace, s: Session) -> None:
        text = a.file.read_text(encoding="utf-8") if a.file else a.text
        dto = meetings.issue_minutes(s, a.id, minutes_text=text, issued_on=a.on)
        _done(a, dto, f"纪要已印发：{dto.minutes_number}")

    p = _cmd(g, "minutes", "印发纪要", minutes)
    p.add_argument("id", type=int)
    p.add_argument("--text")
    p.add_argument("--file", type=Path)
    p.add_argument("--on", required=True, type=_date)

    def cancel(a: argparse.Namespace, s: Session) -> None:
        _done(a, meetings.cancel_meeting(s, a.id, a.reason), "会议已取消")

    p = _cmd(g, "cancel", "取消会议", cancel)
    p.add_argument("id", type=int)
    p.add_argument("--reason", required=True)

    def flag(a: argparse.Namespace, s: Session) -> None:
        dto = meetings.flag_formality(s, a.id, a.reason, reconvene_by=a.reconvene_by)
        _done(a, dto, "已认定为走过场，并责令重新召开")

    p = _cmd(g, "flag", "认定走过场", flag)
    p.add_argument("id", type=int)
    p.add_argument("--reason", required=True)
    p.add_argument("--reconvene-by", type=_date)


def _item_commands(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    g = _kind_commands(sub, "item")

    def add(a: argparse.Namespace, s: Session) -> None:
        dto = items.create_item(
            s,
            items.ItemInput(
                meeting_id=a.meeting,
                text=a.text,
                topic_id=a.topic,
                lead_unit_id=unit_ref(s, a.lead) if a.lead else None,
                cooperating_unit_ids=tuple(unit_ref(s, u) for u in (a.coop or [])),
                deadline=a.deadline,
                target_text=a.target or "",
                target_number=a.target_number,
                target_unit=a.target_unit or "",
            ),
        )
        _done(a, dto, "已记录议定事项")

    p = _cmd(g, "add", "记录议定事项", add)
    p.add_argument("--meeting", required=True, type=int)
    p.add_argument("--text", required=True)
    p.add_argument("--topic", type=int)
    p.add_argument("--lead")
    p.add_argument("--coop", action="append", help="配合单位（可多次给出）")
    p.add_argument("--deadline", type=_date)
    p.add_argument("--target")
    p.add_argument("--target-number", type=float)
    p.add_argument("--target-unit")

    def simple(
        name: str,
        label: str,
        call: Callable[[Session, argparse.Namespace], Any],
        *options: tuple[str, dict[str, Any]],
    ) -> None:
        def handler(a: argparse.Namespace, s: Session) -> None:
            _done(a, call(s, a), label)

        p = _cmd(g, name, label, handler)
        p.add_argument("id", type=int)
        for flag, kw in options:
            p.add_argument(flag, **kw)

    on = ("--on", {"required": True, "type": _date})
    reason = ("--reason", {"required": True})
    simple("assign", "已交办", lambda s, a: items.assign_item(s, a.id, a.on), on)
    simple(
        "feedback",
        "已记录进展反馈",
        lambda s, a: items.report_progress(
            s,
            a.id,
            items.FeedbackInput(
                reported_on=a.on,
                text=a.text,
                percent_done=a.percent,
                figures=items.parse_figures("\n".join(a.figure or [])),
            ),
        ),
        on,
        ("--text", {"required": True}),
        ("--percent", {"required": True, "type": int}),
        ("--figure", {"action": "append", "help": "成效数据，如 安置职工=1126人"}),
    )
    simple(
        "extend",
        "已申请延期",
        lambda s, a: items.request_extension(s, a.id, new_deadline=a.to, reason=a.reason, on=a.on),
        on,
        reason,
        ("--to", {"required": True, "type": _date}),
    )
    simple(
        "approve-extension",
        "已同意延期",
        lambda s, a: items.approve_extension(s, a.id, on=a.on, new_deadline=a.to),
        on,
        ("--to", {"type": _date}),
    )
    simple(
        "refuse-extension",
        "已不同意延期",
        lambda s, a: items.refuse_extension(s, a.id, on=a.on, reason=a.reason),
        on,
        reason,
    )
    simple("complete", "已办结", lambda s, a: items.complete_item(s, a.id, on=a.on), on)
    simple(
        "send-back",
        "已退回",
        lambda s, a: items.send_back_item(s, a.id, on=a.on, reason=a.reason),
        on,
        reason,
    )
    simple(
        "verify",
        "已验收",
        lambda s, a: items.verify_item(s, a.id, on=a.on, note=a.note or ""),
        on,
        ("--note", {}),
    )
    simple(
        "cancel",
        "已撤销",
        lambda s, a: items.cancel_item(s, a.id, on=a.on, reason=a.reason),
        on,
        reason,
    )


def _supervision_commands(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    g = _kind_commands(sub, "notice")

    def issue(a: argparse.Namespace, s: Session) -> None:
        dto = supervision.issue_notice(
            s,
            supervision.NoticeInput(
                kind=NoticeKind(a.kind),
                target_unit_id=unit_ref(s, a.unit),
                item_ids=a.items,
                issued_on=a.on,
                requirements=a.requirements or "",
                feedback_deadline=a.feedback_by,
                problem=a.problem or "",
                rectify_deadline=a.rectify_by,
            ),
        )
        _done(a, dto, f"已印发：{dto.number}")

    p = _cmd(g, "issue", "印发督办文书", issue)
    p.add_argument("--kind", required=True, choices=[k.value for k in NoticeKind])
    p.add_argument("--unit", required=True)
    p.add_argument("--items", required=True, type=_ids)
    p.add_argument("--on", required=True, type=_date)
    p.add_argument("--requirements")
    p.add_argument("--feedback-by", type=_date)
    p.add_argument("--problem")
    p.add_argument("--rectify-by", type=_date)
    _void_command(g, "notice")


def _void_command(group: argparse._SubParsersAction[argparse.ArgumentParser], kind: str) -> None:
    """`lianxi KIND void ID --reason`: void (作废) an issued document; its number stays taken."""

    def void(a: argparse.Namespace, s: Session) -> None:
        void_document(s, kind, a.id, a.reason)
        if kind == "notice":
            dto: Any = supervision.get_notice(s, a.id)
        else:
            dto = supervision.get_bulletin(s, a.id)
        _done(a, dto, f"已作废：{dto.number}")

    p = _cmd(group, "void", "作废已印发的文书（审核）：文号保留不再使用，不再计入督办和统计", void)
    p.add_argument("id", type=int)
    p.add_argument("--reason", required=True, help="作废理由")


def _bulletin_commands(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """A bulletin is saved as a draft, submitted for review and issued by a reviewer, as in
    the window; only issuing takes a number."""
    gb = _kind_commands(sub, "bulletin")

    def draft(a: argparse.Namespace, s: Session) -> None:
        mentions = tuple(
            supervision.MentionInput(unit_ref(s, unit), kind, reason)
            for kind, given in (
                (MentionKind.COMMENDATION, a.commend or []),
                (MentionKind.CRITICISM, a.criticise or []),
            )
            for unit, _, reason in (m.partition(":") for m in given)
        )
        dto = supervision.save_bulletin_draft(
            s,
            supervision.BulletinInput(
                period_start=a.period_from,
                period_end=a.period_to,
                issued_on=a.on,
                title=a.title,
                content=a.content or "",
                mentions=mentions,
            ),
            a.id,
        )
        _done(a, dto, "已保存通报草稿")

    p = _cmd(gb, "draft", "保存督查通报草稿（不占用文号）", draft)
    p.add_argument("--id", type=int, help="修改这份草稿（不给则新建）")
    p.add_argument("--from", dest="period_from", required=True, type=_date)
    p.add_argument("--to", dest="period_to", required=True, type=_date)
    p.add_argument("--on", required=True, type=_date, help="拟印发日期")
    p.add_argument("--title", required=True)
    p.add_argument("--content")
    p.add_argument("--commend", action="append", help="单位:理由")
    p.add_argument("--criticise", action="append", help="单位:理由")

    def submit(a: argparse.Namespace, s: Session) -> None:
        _done(a, supervision.submit_bulletin(s, a.id), "已提交审核")

    p = _cmd(gb, "submit", "提交审核", submit)
    p.add_argument("id", type=int)

    def send_back(a: argparse.Namespace, s: Session) -> None:
        _done(a, supervision.return_bulletin(s, a.id), "已退回修改")

    p = _cmd(gb, "return", "退回修改（审核）", send_back)
    p.add_argument("id", type=int)

    def issue(a: argparse.Namespace, s: Session) -> None:
        dto = supervision.issue_bulletin(s, a.id, a.on)
        _done(a, dto, f"已印发督查通报第{dto.issue_no}期：{dto.number}")

    p = _cmd(gb, "issue", "印发督查通报（审核）：编号并定稿", issue)
    p.add_argument("id", type=int)
    p.add_argument("--on", type=_date, help="印发日期（默认草稿上的拟印发日期）")
    _void_command(gb, "bulletin")

    def delete(a: argparse.Namespace, s: Session) -> None:
        delete_record(s, "bulletin", a.id)
        if a.json:
            print(json.dumps({"id": a.id, "deleted": True}, ensure_ascii=False))
        else:
            print(f"已删除通报草稿（编号 {a.id}）")

    p = _cmd(gb, "delete", "删除尚未印发的通报（草稿或待审核）；已印发的只能作废", delete)
    p.add_argument("id", type=int)


def add_lifecycle_commands(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    _unit_commands(sub)
    _suggestion_commands(sub)
    _topic_commands(sub)
    _meeting_commands(sub)
    _item_commands(sub)
    _supervision_commands(sub)
    _bulletin_commands(sub)
