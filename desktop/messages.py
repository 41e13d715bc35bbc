"""Error codes and field names as sentences for people: Simplified Chinese first, English second."""

from __future__ import annotations

import contextlib
import errno
import sqlite3
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from sqlalchemy.exc import DBAPIError

from desktop.core.errors import DomainError
from desktop.core.kinds import KINDS, by_package_name
from desktop.core.spreadsheet import Sheet
from desktop.db import DatabaseError
from desktop.sync.errors import SyncError
from desktop.sync.messages import BYTE_FIELDS, FIELD_PROBLEMS, PACKAGE_ONLY_KINDS, SYNC_MESSAGES

if TYPE_CHECKING:
    # Their modules import the dashboard, scoring and documents: a window start needs none.
    from desktop.core.exports import ExportTable
    from desktop.core.scope import SupervisionScope
    from desktop.db.check import CheckReport

FIELD_LABELS: dict[str, tuple[str, str]] = {
    "name": ("名称", "name"),
    "kind": ("类别", "kind"),
    "level": ("层级", "level"),
    "parent_id": ("上级单位", "parent unit"),
    "short_name": ("简称", "short name"),
    "contact_person": ("联系人", "contact person"),
    "contact_phone": ("联系电话", "contact phone"),
    "address": ("地址", "address"),
    "member_count": ("会员人数", "member count"),
    "note": ("备注", "note"),
    "doc_prefix": ("发文字号前缀", "document-number prefix"),
    "partner_name": ("对方单位", "partner"),
    "established_on": ("建制日期", "establishment date"),
    "document_title": ("建制文件标题", "founding document"),
    "document_number": ("文号", "document number"),
    "meetings_per_year": ("每年应召开次数", "meetings per year"),
    "reason_not_established": ("未建制原因", "reason not established"),
    "establish_deadline": ("限期建制日期", "deadline to establish"),
    "received_on": ("收到日期", "date received"),
    "content": ("内容", "content"),
    "submitter_name": ("建议人", "submitter"),
    "submitter_phone": ("联系电话", "phone"),
    "reply_text": ("答复内容", "reply"),
    "replied_on": ("答复日期", "reply date"),
    "reason": ("原因", "reason"),
    "voided_on": ("作废日期", "voided on"),
    "void_reason": ("作废理由", "reason for voiding"),
    "outcome": ("决定结果", "outcome"),
    "holiday_table": ("节假日表", "holiday table"),
    "yellow_within_workdays": ("临期预警（工作日）", "yellow within (working days)"),
    "no_feedback_days": ("未反馈预警（天）", "no feedback for (days)"),
    "lag_tolerance_percent": ("进度落后容差（%）", "lag tolerance (%)"),
    "criticism_after_workdays": ("建议通报批评的超期工作日", "criticism after (working days)"),
    "reminder_reply_workdays": ("催办后等待办结（工作日）", "wait after a reminder (working days)"),
    "supervision_reply_workdays": (
        "督办通知后等待办结（工作日）",
        "wait after a supervision notice (working days)",
    ),
    "rectification_reply_workdays": (
        "整改通知未定时限时等待（工作日）",
        "wait after a rectification order without deadline (working days)",
    ),
    "commendations_per_issue": (
        "每期通报表扬建议至多（个单位）",
        "commendations proposed per issue",
    ),
    "criticisms_per_issue": ("每期通报批评建议至多（个单位）", "criticisms proposed per issue"),
    "filename": ("文件名", "file name"),
    "figures": ("成效数据", "outcome figures"),
    "on": ("日期", "date"),
    "unit_id": ("单位", "unit"),
    "receiving_unit_id": ("受理工会", "receiving union"),
    "department_unit_id": ("征求意见部门", "department"),
    "target_unit_id": ("督办对象", "target unit"),
    "channel": ("渠道", "channel"),
    "target_level": ("办理层级", "target level"),
    "topic_title": ("议题标题", "topic title"),
    "union_unit_id": ("工会", "union"),
    "title": ("标题", "title"),
    "description": ("说明", "description"),
    "priority": ("优先级", "priority"),
    "visited_on": ("调研日期", "visit date"),
    "place": ("地点", "place"),
    "participants": ("参加人员", "participants"),
    "findings": ("调研结论", "findings"),
    "vetted_on": ("审定日期", "vetting date"),
    "vetting_conclusion": ("审定意见", "vetting conclusion"),
    "consulted_on": ("征求意见日期", "consultation date"),
    "opinion": ("部门意见", "opinion"),
    "into_topic_id": ("合并到的议题", "target topic"),
    "series_number": ("届次", "number in series"),
    "planned_on": ("计划日期", "planned date"),
    "held_on": ("召开日期", "date held"),
    "chair": ("主持人", "chair"),
    "minutes_text": ("纪要正文", "minutes text"),
    "minutes_issued_on": ("印发日期", "issue date"),
    "starts_at": ("开始时间", "start time"),
    "agenda": ("议程", "agenda"),
    "decision": ("议定意见", "decision"),
    "reconvene_by": ("重新召开日期", "re-convene date"),
    "text": ("事项内容", "text"),
    "lead_unit_id": ("牵头单位", "lead unit"),
    "cooperating_unit_ids": ("配合单位", "cooperating units"),
    "deadline": ("完成时限", "deadline"),
    "target_text": ("目标", "target"),
    "target_number": ("目标数值", "target figure"),
    "target_unit": ("计量单位", "unit of measure"),
    "meeting_id": ("所属会议", "meeting"),
    "assigned_on": ("交办日期", "assignment date"),
    "reported_on": ("反馈日期", "feedback date"),
    "percent_done": ("完成进度", "percent done"),
    "extension_deadline": ("延期至", "new deadline"),
    "completed_on": ("办结日期", "completion date"),
    "verified_on": ("验收日期", "verification date"),
    "verification_note": ("验收意见", "verification note"),
    "item_ids": ("督办事项", "items"),
    "issued_on": ("印发日期", "issue date"),
    "feedback_deadline": ("反馈时限", "feedback deadline"),
    "problem": ("存在问题", "problem"),
    "rectify_deadline": ("整改时限", "rectification deadline"),
    "result": ("整改结果", "result"),
    "period_start": ("通报起始日期", "period start"),
    "period_end": ("通报截止日期", "period end"),
    "status": ("状态", "status"),
    "year": ("年度", "year"),
    "sort": ("排序字段", "sort"),
    "limit": ("条数", "limit"),
    "weight": ("分值", "weight"),
    "rule": ("考核规则", "rule"),
    "params": ("规则参数", "rule parameters"),
    "indicators": ("考核指标", "indicators"),
    "total_points": ("总分", "total points"),
    "code": ("指标代码", "indicator code"),
}

MESSAGES: dict[str, tuple[str, str]] = {
    # deleting a record entered by mistake (desktop.core.deletion)
    "document_issued": (
        "已印发的{kind_label}是存档文件，不能删除，只能作废：由审核人员或单位管理员写明理由后作废，"
        "文号保留不再使用。",
        "An issued {kind_label} is a document of record and cannot be deleted, only voided: a "
        "reviewer or the office admin voids it with a reason, and its number is not used again.",
    ),
    # voiding an issued document (desktop.core.voiding)
    "kind_not_voidable": (
        "{kind_label}不是印发的文书，不能作废。",
        "A {kind_label} is not an issued document and cannot be voided.",
    ),
    "already_voided": (
        "这份{kind_label}已经作废。",
        "This {kind_label} has already been voided.",
    ),
    "not_issued_delete_instead": (
        "这份{kind_label}尚未印发，没有文号，不必作废：可以直接删除。",
        "This {kind_label} has not been issued and has no number, so it is not voided: it can "
        "simply be deleted.",
    ),
    "not_own_document": (
        "这份{kind_label}是其他单位印发的，只能由印发单位作废。",
        "This {kind_label} was issued by another office; only that office can void it.",
    ),
    "kind_not_deletable": (
        "{kind_label}不能删除。",
        "A {kind_label} cannot be deleted.",
    ),
    "record_in_progress": (
        "这条{kind_label}已是“{state_label}”，不能再删除：只有误录入、尚未办理的记录可以删除。",
        "This {kind_label} is already {state_label} and can no longer be deleted: only records "
        "not yet acted on can be.",
    ),
    "record_in_use": (
        "这条{kind_label}已被议程、议定事项或职工建议引用，不能删除。",
        "This {kind_label} is used by an agenda, an agreed item or a suggestion and cannot be "
        "deleted.",
    ),
    "bad_phone": (
        "「{field}」不是有效的电话号码：手机号为 11 位数字（如 13812345678），"
        "座机写作区号-号码（如 0517-86901234）。",
        "{field} is not a valid phone number: a mobile number has 11 digits (13812345678), "
        "a landline is area code-number (0517-86901234).",
    ),
    # field-level
    "required": ("「{field}」不能为空。", "{field} is required."),
    "too_long": ("「{field}」过长，最多 {max} 个字。", "{field} is too long (at most {max})."),
    "control_characters": (
        "「{field}」含有不可见的控制字符，请删除后再试。",
        "{field} contains control characters.",
    ),
    "absurd_date": (
        "「{field}」的日期 {value} 不合理，请检查年份。",
        "{field}: {value} is not a plausible date.",
    ),
    "out_of_range": ("「{field}」超出允许范围。", "{field} is out of range."),
    "bad_outcome": ("「{field}」只能是：{known}。", "{field} must be one of: {known}."),
    "decision_needs_reason": (
        "议题{outcome}的，请在「{field}」中写明理由。",
        "A topic the meeting decided “{outcome}” needs its reason in {field}.",
    ),
    "unit_required": (
        "请从列表中选择「{field}」（可输入名称或拼音首字母）。",
        "Choose the {field} from the list.",
    ),
    "figure_format": (
        "成效数据第 {line} 行格式应为 名称=数值单位，如 安置职工=1126人。",
        "Outcome figure line {line} should read name=number unit.",
    ),
    "bad_filename": (
        "文件名含有不允许的字符。",
        "The file name has characters that are not allowed.",
    ),
    "file_too_large": (
        "文件过大，附件最大 {max_mb} MB。",
        "The file is too large (at most {max_mb} MB).",
    ),
    "attachment_damaged": (
        "附件“{name}”的文件已损坏，请从备份或原件重新添加。",
        "The stored file of {name} is damaged.",
    ),
    "holiday_line": (
        "节假日表第 {line} 行格式应为 日期,休 或 日期,班（如 2027-10-01,休,国庆节）。",
        "Holiday table line {line} should read date,休 or date,班.",
    ),
    "wrong_notice_kind": (
        "编号为 {id} 的督办文书不是所要打印的类别。",
        "Notice {id} is a {kind}, not a {wanted}.",
    ),
    "meeting_without_date": (
        "会议尚未确定日期，不能印发会议通知。",
        "The meeting has no date yet.",
    ),
    "own_parent": ("单位不能是自己的上级单位。", "A unit cannot be its own parent."),
    "parent_cycle": (
        "上级单位设置会形成循环，请选择其他上级单位。",
        "That parent would create a loop.",
    ),
    "before_received": ("「{field}」不能早于收到日期。", "{field} is before the date received."),
    "before_vetting": ("「{field}」不能早于审定日期。", "{field} is before the vetting date."),
    "before_meeting": ("「{field}」不能早于会议召开日期。", "{field} is before the meeting."),
    "before_completion": ("「{field}」不能早于办结日期。", "{field} is before completion."),
    "before_issue": ("「{field}」不能早于印发日期。", "{field} is before the issue date."),
    "deadline_before_meeting": (
        "完成时限不能早于会议召开日期。",
        "The deadline is before the meeting date.",
    ),
    "extension_not_later": (
        "延期后的时限必须晚于原时限。",
        "The new deadline must be later than the current one.",
    ),
    "lead_also_cooperating": (
        "牵头单位不能同时列为配合单位。",
        "The lead unit cannot also be a cooperating unit.",
    ),
    "meeting_fixed": ("议定事项不能改到另一次会议。", "An item cannot move to another meeting."),
    "unit_merge_into_itself": (
        "不能把单位合并到它自己。",
        "A unit cannot be merged into itself.",
    ),
    "unit_retired": (
        "单位“{name}”已被合并或停用，请选择仍在使用的单位。",
        "The unit {name} has been merged or retired; choose one still in use.",
    ),
    "unit_is_this_office": (
        "“{name}”是本单位自己，请选择对方单位在名录中的条目。",
        "{name} is this office itself; choose the other office's entry in the directory.",
    ),
    "merge_into_itself": ("议题不能合并到自身。", "A topic cannot be merged into itself."),
    "merge_target_closed": ("目标议题已结束，不能合并。", "The target topic is closed."),
    "agenda_mismatch": (
        "议程与会议议题不一致。",
        "The agenda does not match the meeting's topics.",
    ),
    "period_reversed": ("通报截止日期不能早于起始日期。", "The period ends before it starts."),
    "unknown_kind": ("未知的记录类别“{kind}”。", "Unknown record kind {kind}."),
    "unknown_status": ("没有这个状态。可用的状态：{known}。", "No such status; known: {known}."),
    "unknown_sort": ("无法按此字段排序。", "Cannot sort by that column."),
    "no_status_filter": (
        "此类记录没有状态，不能按状态筛选。",
        "This kind has no status to filter by.",
    ),
    "no_year_filter": ("此类记录不能按年度筛选。", "This kind cannot be filtered by year."),
    "invalid_input": ("输入有误：「{field}」。", "Invalid input: {field}."),
    # record-level
    "not_found": ("找不到编号为 {id} 的{kind_label}。", "No {kind} with id {id}."),
    "not_responsible": (
        "{unit}不是事项“{item}”的牵头或配合单位，督办文书只能发给负责该事项的单位。",
        "{unit} neither leads nor cooperates on the item “{item}”; supervision documents go "
        "only to the units responsible for it.",
    ),
    "in_future": ("{field}不能晚于今天。", "{field} cannot be later than today."),
    "not_batchable": (
        "整改通知书要逐个单位写明问题和整改期限，不能批量印发。",
        "A rectification order names its problem and deadline per unit; it cannot be issued in a batch.",
    ),
    "no_lead_unit": (
        "编号为 {id} 的事项没有牵头单位，不能催办。",
        "Item {id} has no lead unit to send a document to.",
    ),
    "before_last_number": (
        "{field}早于本年度同类文书最近一份的日期（{last}）：文号按日期顺序编排，请改用 {last} 或之后的日期。",
        "{field} is earlier than the latest document of this kind this year ({last}): numbers "
        "follow dates, so use {last} or later.",
    ),
    "not_a_union": (
        "{unit}不是工会：建制记录的一方必须是工会。",
        "{unit} is not a union: one side of an establishment must be a union.",
    ),
    "level_mismatch": (
        "建制层级与{unit}的层级不符，请选与该工会同级的层级。",
        "The level does not match {unit}'s level; choose the union's own level.",
    ),
    "duplicate_establishment": (
        "{unit}与{partner}已经有一条建制记录（编号 {existing_id}），请打开那一条修改，不要重复登记。",
        "{unit} and {partner} already have an establishment record (no. {existing_id}): "
        "open and edit that one.",
    ),
    "number_unavailable": (
        "文号暂时无法分配，请稍后再试。",
        "No document number could be reserved just now; try again.",
    ),
    "duplicate_participant": (
        "{name}已经在名单里了：每人每次会议只登记一次。",
        "{name} is already on the list: each person is listed once per meeting.",
    ),
    "duplicate_feedback": (
        "这条反馈（{on}）已经登记过了。",
        "This feedback ({on}) has already been entered.",
    ),
    "edited_elsewhere": (
        "未能保存：这条记录在您打开之后已于 {when} 被修改（另一位同事、另一个窗口或导入）。"
        "您的修改仍在窗口中，没有覆盖对方的修改；请记下后重新载入再改。",
        "Not saved: this record was changed at {when} after you opened it (by a colleague, another "
        "window or an import). Your changes are still in the window and nothing was overwritten; "
        "note them, reload and edit again.",
    ),
    "edited_elsewhere_by": (
        "未能保存：这条记录在您打开之后已被 {by} 于 {when} 修改。"
        "您的修改仍在窗口中，没有覆盖对方的修改；请记下后重新载入再改。",
        "Not saved: {by} changed this record at {when} after you opened it. Your changes are "
        "still in the window and nothing was overwritten; note them, reload and edit again.",
    ),
    "undo_stale": (
        "无法撤销：这条{kind_label}在这次修改之后又有了变化（最近一次在 {changed_at}，可能是办理步骤、导入或他人修改），撤销会覆盖这些变化。",
        "Cannot undo: this {kind_label} has changed since that edit (last at {changed_at}: a workflow "
        "step, an import or another clerk), and undoing would overwrite it.",
    ),
    "status_unreachable": (
        "状态不能从本单位现有的状态变为“{state_label}”。",
        "The status cannot become {state_label} from the one held here.",
    ),
    "illegal_transition": (
        "当前状态为“{state_label}”，不能执行“{action_label}”。",
        "Cannot {action_label} while the record is {state_label}.",
    ),
    "no_local_office": (
        "尚未设置本单位。请先运行 lianxi init 或在欢迎窗口中设置。",
        "This office is not set up yet: run lianxi init first.",
    ),
    "office_exists": ("本单位已经设置过，不能重复设置。", "This office is already set up."),
    "unit_has_children": ("该单位下还有下级单位，不能删除。", "The unit still has sub-units."),
    "topic_closed": ("该议题已结束，不能再修改。", "The topic is closed."),
    "topic_on_agenda": ("该议题已列入会议议程，请先从议程中移出。", "The topic is on an agenda."),
    "topic_not_vetted": (
        "议题尚未审定，不能列入会议。",
        "A topic cannot be scheduled before it is vetted.",
    ),
    "topic_not_on_agenda": ("该议题不在此次会议议程中。", "The topic is not on this agenda."),
    "agenda_closed": ("会议已召开或已取消，议程不能再修改。", "The agenda can no longer change."),
    "meeting_without_topics": (
        "会议没有任何议题，不能标记为已召开。",
        "A meeting needs at least one topic to be held.",
    ),
    "meeting_cancelled": ("会议已取消。", "The meeting is cancelled."),
    "meeting_not_held": ("会议尚未召开。", "The meeting has not been held."),
    "minutes_already_issued": ("纪要已印发，不能再修改。", "The minutes are already issued."),
    "already_issued": (
        "该文件已印发，不能再次印发；如需修改，请印发更正。",
        "This document is already issued; issue a correction instead.",
    ),
    "not_issued": ("该文件尚未印发，不能更正。", "This document is not issued yet."),
    "bulletin_not_draft": (
        "该通报已提交审核或已印发，不能再修改；如需修改，请审核人退回。",
        "This bulletin is submitted for review or issued and can no longer be edited; a "
        "reviewer can send it back.",
    ),
    "not_flagged": (
        "该会议未被认定为走过场，没有重开通知。",
        "The meeting is not flagged as held for form: no reconvene notice.",
    ),
    "bad_time": ("「{field}」应为“时:分”，如 09:30。", "{field} must be HH:MM, e.g. 09:30."),
    "after_meeting": ("「{field}」不能晚于会议日期。", "{field} is after the meeting."),
    "before_period": ("「{field}」不能早于{year}年。", "{field} is before {year}."),
    "already_flagged": ("该会议已被认定为走过场。", "The meeting is already flagged."),
    "item_closed": ("该事项已验收或已撤销，不能再修改。", "The item is closed."),
    "item_not_open": ("事项 {id} 不在办理中，不能督办。", "Item {id} is not open."),
    "not_rectification": ("这不是整改通知书。", "That is not a rectification order."),
    "demo_needs_empty_database": (
        "演示数据只能建立在空数据库中。请用 --db 指定一个新的数据库文件。",
        "The demo needs an empty database: give a new file with --db.",
    ),
    "cancelled": ("操作已取消，数据未作更改。", "Cancelled; nothing was changed."),
    # database-level
    "database_too_new": (
        "数据库 {path} 由更新版本的联席程序创建（版本 {revision}），本程序无法打开。请升级程序；数据库未作任何改动。",
        "The database {path} was written by a newer LianXi ({revision}); it was left untouched.",
    ),
    "not_lianxi_database": (
        "{path} 不是联席程序的数据库，已拒绝打开，文件未作改动。",
        "{path} is not a LianXi database; it was left untouched.",
    ),
    "nothing_to_assess": (
        "{year}年度没有可考核的单位（下级单位当年尚未成立或还未录入），不能生成考核结果通报。",
        "There is no unit to assess for {year} (none below this office existed or was recorded "
        "that year), so there is no assessment circular.",
    ),
    "target_not_empty": (
        "目标数据库 {url} 中已有数据。迁移只能写入一个新建的空数据库。",
        "The target database {url} already holds data; data can only be moved into a new, empty one.",
    ),
    "copy_mismatch": (
        "迁移后核对不一致：表 {table} 原有 {source} 行，目标中为 {target} 行（或内容不同），已撤销，"
        "目标数据库未写入任何数据。",
        "The copy does not match: table {table} has {source} rows in the file and {target} in the "
        "target (or different contents); nothing was written.",
    ),
    "migrated_from_sqlite": (
        "已把 {source} 中的 {rows} 行数据迁入 {url}，{tables} 张表逐表核对行数和内容一致。"
        "原文件未作改动。",
        "Moved {rows} rows from {source} into {url}; all {tables} tables checked, counts and "
        "contents alike. The file was not changed.",
    ),
    "backup_needs_sqlite_file": (
        "只有内置的 SQLite 数据库文件可以这样备份。",
        "Only an SQLite database file can be backed up this way.",
    ),
    "postgres_tool_missing": (
        "找不到 PostgreSQL 的 {tool} 程序，无法备份或恢复服务器上的数据库。请在这台电脑上安装"
        "与服务器同版本的 PostgreSQL 客户端工具（Debian/统信/麒麟：apt-get install "
        "postgresql-client；Windows：PostgreSQL 安装包的“Command Line Tools”），"
        "并把其 bin 文件夹加入 PATH 后再试。",
        "The PostgreSQL program {tool} was not found, so the server's database cannot be backed "
        "up or restored. Install the PostgreSQL client tools of the server's version on this "
        "computer (Debian: apt-get install postgresql-client; Windows: the installer's Command "
        "Line Tools), put their bin folder on PATH and try again.",
    ),
    "postgres_tool_failed": (
        "PostgreSQL 的 {tool} 没有完成，数据库未作改动。它报告：{detail}",
        "PostgreSQL's {tool} did not finish; the database was not changed. It said: {detail}",
    ),
    "restored_server_backup": (
        "已用备份 {backup} 恢复服务器上的数据库。恢复前的内容已备份到 {kept}。"
        "该备份之后所做的修改需要重新录入。",
        "The server's database was restored from {backup}. What it held before is backed up in "
        "{kept}. Changes made after that backup must be entered again.",
    ),
    "keyring_unavailable": (
        "这台电脑没有可用的系统钥匙串，无法保存数据库密码（为安全起见，密码不写入任何文件）。"
        "Windows 请使用本机账户登录；统信、麒麟等 Linux 请安装并解锁“密钥环”（gnome-keyring 或 "
        "KWallet）；脚本可用环境变量 LIANXI_DB_PASSWORD 提供密码。",
        "This computer has no usable keyring, so the database password cannot be kept (it is "
        "never written to a file). On Linux install and unlock a keyring (gnome-keyring, "
        "KWallet); a script can give the password in LIANXI_DB_PASSWORD.",
    ),
    "keyring_password_missing": (
        "系统钥匙串中没有服务器数据库 {server} 的密码。请在“设置 → 数据库连接”中重新连接，"
        "或运行 lianxi db connect。",
        "The keyring holds no password for the server database {server}. Connect again in "
        "Settings → Database connection, or run lianxi db connect.",
    ),
    "server_login_refused": (
        "数据库服务器拒绝登录：用户名或密码不正确。",
        "The database server refused the login: wrong user name or password.",
    ),
    "server_unreachable": (
        "连接不上数据库服务器。请检查服务器地址和端口、网络是否通，以及服务器上的 PostgreSQL "
        "是否在运行并允许这台电脑连接。",
        "The database server cannot be reached. Check its address and port, the network, and "
        "that PostgreSQL runs there and accepts this computer.",
    ),
    "server_database_missing": (
        "服务器上没有这个数据库。请检查数据库名称，或请管理员先在服务器上建立数据库。",
        "The server has no database of that name. Check the name, or ask the administrator to "
        "create it first.",
    ),
    "connection_ready": (
        "连接成功：{server} 是联席的数据库，结构是最新的。",
        "Connected: {server} is a LianXi database with the current structure.",
    ),
    "connection_empty": (
        "连接成功，但 {server} 还没有联席的数据表。请先运行 lianxi db upgrade 建立数据表"
        "（或用 lianxi db migrate-from-sqlite 迁入本机原有的数据）。",
        "Connected, but {server} holds no LianXi tables yet. Run lianxi db upgrade first (or "
        "lianxi db migrate-from-sqlite to move this PC's data in).",
    ),
    "connection_behind": (
        "连接成功，但 {server} 的数据表结构比本程序旧。请运行 lianxi db upgrade 升级"
        "（升级前自动备份）。",
        "Connected, but {server} has an older structure than this program. Run lianxi db "
        "upgrade (it backs up first).",
    ),
    "connection_saved": (
        "已保存数据库连接 {server}，以后不带 --db 的命令和重新启动后的联席窗口都使用它。",
        "Saved the database connection {server}; commands without --db, and the window once "
        "restarted, use it.",
    ),
    "connection_way_back": (
        "这台电脑使用设置中保存的服务器数据库。要改回本机数据库文件，请运行 "
        "lianxi db connect --clear；只用一次本机文件可运行 lianxi --db 文件路径。",
        "This PC uses the server database saved in Settings. To go back to this PC's database "
        "file run lianxi db connect --clear; for one start, lianxi --db FILE.",
    ),
    "connection_incomplete": (
        "请同时给出 --host、--name（数据库名称）和 --user（数据库用户名）。",
        "Give --host, --name (the database) and --user (the database user) together.",
    ),
    "connection_password_from_env": (
        "这台电脑没有系统钥匙串，密码没有保存：以后每次运行命令时请用环境变量 "
        "LIANXI_DB_PASSWORD 提供密码。",
        "This computer has no keyring, so the password was not kept: give it in "
        "LIANXI_DB_PASSWORD at every run.",
    ),
    "connection_cleared": (
        "已删除保存的数据库连接，以后使用本机数据库文件 {path}。",
        "The saved connection is gone; this PC uses the database file {path} again.",
    ),
    "connection_none": (
        "没有保存数据库连接，使用本机数据库文件 {path}。",
        "No connection is saved; this PC uses the database file {path}.",
    ),
    "connection_in_use": (
        "正在使用服务器数据库 {server}（保存于 {file}）。",
        "Using the server database {server} (saved in {file}).",
    ),
    "backup_onto_itself": (
        "备份文件不能覆盖数据库本身。",
        "The backup cannot overwrite the database.",
    ),
    "database_locked": (
        "数据库正被其他程序占用，等待 10 秒后仍未释放，本次修改未保存。请关闭占用数据库的程序"
        "（如另一个联席窗口或数据库工具）后再试。",
        "The database is held by another program and was not released within 10 seconds, so "
        "nothing was saved. Close that program (another LianXi window, a database tool) and "
        "try again.",
    ),
    "database_needs_restore": (
        "数据库文件已损坏，为免损坏扩大，本程序不再向其中写入。请用“恢复备份”恢复最近一份完好的备份；"
        "在此之前只能查看。",
        "The database file is damaged; nothing more is written to it. Restore the latest good "
        "backup; until then you can only look.",
    ),
    "backup_damaged": (
        "备份未完成：备份副本没有通过完整性检查，已删除该副本。原数据库可能已损坏，"
        "请运行 lianxi db check 检查，并保留最近一份完好的备份。",
        "The backup failed: the copy did not pass quick_check and was deleted. The database may "
        "be damaged; run lianxi db check and keep the latest good backup.",
    ),
    "no_good_backup": (
        "没有找到可以恢复的完好备份（备份文件夹：{folder}）。请联系技术人员。",
        "No good backup was found in {folder}. Ask for technical help.",
    ),
    "damaged_at_start": (
        "数据库文件 {path} 已损坏（启动检查未通过）。继续写入可能使损坏扩大。\n\n"
        "建议恢复最近一份完好的备份（损坏的文件会改名保留）。也可以先只查看，不保存任何修改。",
        "The database file {path} is damaged (the start-up check failed); writing into it could "
        "spread the damage.\n\nRestore the latest good backup (the damaged file is kept "
        "under another name), or only look without saving anything.",
    ),
    "restored_from_backup": (
        "已用备份 {backup} 恢复数据库。损坏的文件保留为 {kept}。该备份之后所做的修改需要重新录入。",
        "The database was restored from {backup}. The damaged file is kept as {kept}. Changes "
        "made after that backup must be entered again.",
    ),
    "restore_button": ("恢复最近的完好备份", "Restore the latest good backup"),
    "view_only_button": ("只查看", "Only look"),
    "quit_button": ("退出", "Quit"),
    "exported": ("已导出 {count} 行到：{path}", "Wrote {count} rows to {path}"),
    "listed_total": ("共 {count} 条", "{count} in all"),
    "check_ok": ("数据库完好。", "The database is sound."),
    "check_damaged": (
        "数据库已损坏：检查发现{problems}。请用最近一份完好的备份恢复数据库。",
        "The database is damaged: the check found {problems}. Restore the latest good backup.",
    ),
    "check_foreign_keys": (
        "数据库文件完好，但有 {count} 条记录指向已不存在的记录。请从备份恢复，或请技术人员处理。",
        "The file is sound, but {count} records point to records that no longer exist. "
        "Restore a backup or ask for technical help.",
    ),
    "data_folder_unusable": (
        "无法使用数据文件夹 {folder}：{reason}",
        "The data folder {folder} cannot be used: {reason}",
    ),
    # faults of the disk or the database file, worded by describe() from the library's error
    "database_io_error": (
        "读写数据库文件时出错，磁盘或U盘可能有故障。请稍后重试；如果反复出现，请用最近的备份恢复数据库。",
        "Reading or writing the database file failed; the disk may be faulty. Try again; if it "
        "keeps happening, restore the latest backup.",
    ),
    "database_read_only": (
        "数据库文件或所在文件夹是只读的，本次操作未完成。请检查文件属性和文件夹权限"
        "（或U盘写保护）后重试。",
        "The database file or its folder is read-only, so nothing was done. Check the file's "
        "properties, the folder's permissions or the stick's write protection.",
    ),
    "disk_full": (
        "磁盘空间不足，本次操作未完成，原有数据未受影响。请清理磁盘（如删除不用的文件或旧备份）后重试。",
        "The disk is full, so nothing was done and the existing data is unharmed. Free some "
        "space (old files, old backups) and try again.",
    ),
    "database_cannot_open": (
        "无法打开数据库文件：文件或所在文件夹不存在，或文件夹不允许写入（数据库要在同一文件夹中"
        "建立临时文件）。请检查文件夹权限，或把数据库放到可写的文件夹中。",
        "The database file cannot be opened: it or its folder is missing, or the folder may not "
        "be written (the database keeps temporary files beside it). Check the folder.",
    ),
    "database_damaged": (
        "数据库文件已损坏，无法读取。请停止录入，用最近一份完好的备份恢复数据库（lianxi db check 可检查）。",
        "The database file is damaged. Stop using it and restore the latest backup.",
    ),
    "database_error": (
        "数据库出错，操作未能完成。请稍后重试；如果反复出现，请备份后检查数据库（lianxi db check）。",
        "The database reported an error. Try again; if it keeps happening, back up and run "
        "lianxi db check.",
    ),
    "read_only_disk": (
        "磁盘是只读的（U盘可能开了写保护），文件无法写入。请换一个位置或去掉写保护后重试。",
        "The disk is read-only (a write-protected stick?). Choose another place.",
    ),
    "no_permission": (
        "没有权限读写这个文件或文件夹。请换一个文件夹，或请管理员开放权限。",
        "You may not read or write there. Choose another folder or ask the administrator.",
    ),
    "file_missing": (
        "找不到文件或文件夹。它可能已被移动或删除，U盘也可能已拔出。",
        "The file or folder is not there: moved, deleted, or the stick was removed.",
    ),
    "file_error": (
        "读写文件时出错。请检查文件和磁盘后重试。",
        "Reading or writing a file failed. Check the file and the disk, then try again.",
    ),
    # the command line's own refusals
    "unit_name_ambiguous": (
        "有几个单位都叫“{name}”（编号 {ids}），请用编号指定其中一个。",
        "Several units are called {name} (ids {ids}); give the id of the one you mean.",
    ),
    "unit_name_not_found": (
        "找不到单位“{name}”。请用 lianxi list unit --search 查找其编号。",
        "No unit is called {name}; find its id with lianxi list unit --search.",
    ),
    "no_recipients": (
        "没有可以发送的对象：请先用 lianxi keys trust 导入对方的设置文件。",
        "Nobody to send to: first trust a peer's setup file with lianxi keys trust.",
    ),
    "peer_not_found": ("找不到编号为 {id} 的对方单位。", "There is no peer office with id {id}."),
    "key_change_pending": (
        "上一次更换的密钥尚未送达所有对方单位（等待对方回执），请先与各对方交换数据包后再更换。",
        "The previous key change has not reached every peer yet (awaiting receipts); exchange "
        "packages with them before changing keys again.",
    ),
    "peer_not_named": (
        "找不到名为“{name}”的对方单位（同名的有几个时，请用 lianxi keys show 列出的编号）。",
        "No peer office is called {name} (if several are, give the id lianxi keys show lists).",
    ),
    "unknown_scale": (
        "没有“{value}”这种演示规模。可用的规模：{allowed}。",
        "No demo scale {value}; known: {allowed}.",
    ),
    # printing: no Chinese font to embed (desktop.reports.fonts)
    "font_missing": (
        "未找到可用的中文字体，请安装 {install} 或在设置中指定字体文件",
        "No usable Chinese font was found; install {install} or choose a font file in the "
        "settings.",
    ),
    "font_override_unusable": (
        "设置中指定的字体文件不可用：{path}（{reason_text}）。请在设置中另选字体文件。",
        "The font file chosen in the settings cannot be used: {path} ({reason_text}).",
    ),
    # the codes of the error classes themselves, for a refusal raised without a code of its own
    "domain_error": (
        "操作未能完成：不符合办理规则，数据未作更改。",
        "Could not complete: the rules do not allow it; nothing was changed.",
    ),
    "sync_error": (
        "数据交换未能完成，本库没有任何改动。请重试；如果反复出现，请联系对方重新导出。",
        "The exchange could not complete and nothing was changed here. Try again.",
    ),
    "package_rejected": (
        "数据包未通过检查，已拒绝导入，本库没有任何改动。请让对方重新导出。",
        "The package failed its checks and was refused; nothing was changed here.",
    ),
    "not_utf8": (
        "文件不是 UTF-8 编码的文本。请用记事本打开，“另存为”时选择 UTF-8 编码后重试。",
        "The file is not UTF-8 text. Save it again as UTF-8 and try once more.",
    ),
    "unexpected_error": (
        "操作未能完成：程序出现了意外错误。请重试；如果反复出现，请记下操作步骤并联系维护人员。",
        "Could not complete: the program met an unexpected error. Try again; if it keeps "
        "happening, note the steps and contact support.",
    ),
}

# Why a font file cannot be embedded: the {reason_text} of "font_override_unusable".
# The kinds of damage desktop.db.check finds in SQLite's check lines, with their count {n}.
CHECK_PROBLEMS: dict[str, tuple[str, str]] = {
    "unreadable": ("部分数据页无法读取，检查未能进行到底", "pages that cannot be read at all"),
    "page_damaged": ("数据页结构损坏 {n} 处", "{n} damaged pages"),
    "page_unused": ("失去归属的数据页 {n} 个", "{n} orphaned pages"),
    "index_mismatch": ("索引与数据不一致 {n} 处", "{n} index mismatches"),
    "bad_value": ("不合规定的值 {n} 处", "{n} invalid values"),
    "sequence_behind": (
        "编号序列落后于已有记录的表 {n} 个（新建记录会失败，请运行 lianxi db upgrade）",
        "{n} id sequences behind their rows (new records would fail; run lianxi db upgrade)",
    ),
    "schema_mismatch": (
        "缺少的表或字段 {n} 处（请运行 lianxi db upgrade）",
        "{n} missing tables or columns (run lianxi db upgrade)",
    ),
}
FONT_PROBLEMS: dict[str, tuple[str, str]] = {
    "cff_outlines": (
        "PostScript/CFF 轮廓的 OpenType 字体无法嵌入",
        "CFF outlines cannot be embedded",
    ),
    "not_truetype": ("不是 TrueType 字体", "not a TrueType font"),
    "no_such_subfont": ("字体集中没有指定序号的字体", "no face with that index"),
    "no_cjk_glyphs": ("不含中文字形", "no Chinese glyphs"),
    "unreadable": ("无法读取", "unreadable"),
    "unusable": ("文件已损坏或不允许嵌入", "damaged or not embeddable"),
}

LIGHT_MESSAGES: dict[str, tuple[str, str]] = {
    "light_red_overdue": ("红：已超期 {days} 个工作日", "red: {days} working days overdue"),
    "light_yellow_due_soon": (
        "黄：{days} 个工作日内到期",
        "yellow: due within {days} working days",
    ),
    "light_yellow_no_feedback": (
        "黄：已 {days} 天未反馈进展",
        "yellow: no feedback for {days} days",
    ),
    "light_yellow_lagging": (
        "黄：完成进度 {percent}% 落后于时间进度 {elapsed}%",
        "yellow: {percent}% done with {elapsed}% of the time gone",
    ),
    "light_green": (
        "绿：按计划推进，距时限 {days} 个工作日",
        "green: on track, {days} working days left",
    ),
    "light_grey_completed": ("灰：已办结，待验收", "grey: completed, awaiting verification"),
    "light_grey_verified": ("灰：已验收", "grey: verified"),
    "light_grey_cancelled": ("灰：已撤销", "grey: cancelled"),
    "light_grey_drafted": ("灰：尚未交办", "grey: not yet assigned"),
}
MESSAGES.update(LIGHT_MESSAGES)
MESSAGES.update(
    {
        "commend_all_on_time": (
            "到期的 {due} 项议定事项全部按时办结",
            "all {due} items due done on time",
        ),
        "criticise_overdue": (
            "{overdue} 项议定事项逾期未办结，最长超期 {days} 个工作日",
            "{overdue} items overdue, the longest by {days} working days",
        ),
        "escalation_scope": (
            "督办范围：{levels}联席会议的议定事项（与督查通报同一口径）；"
            "{left_out}联席会议的事项由下级工会督办，不在此列。",
            "Covers the items agreed by {levels} joint meetings (as the supervision bulletins "
            "count them); items of {left_out} joint meetings are supervised by the unions below "
            "and are not listed.",
        ),
        "escalation_scope_all": (
            "督办范围：{levels}联席会议的议定事项（与督查通报同一口径）。",
            "Covers the items agreed by {levels} joint meetings (as the supervision bulletins "
            "count them).",
        ),
        "meeting_without_items": (
            "{held_on} 召开的第{number}次会议没有形成任何议定事项",
            "meeting no. {number} held on {held_on} decided nothing",
        ),
        "item_incomplete": (
            "{held_on} 会议议定的事项没有牵头单位或完成时限",
            "an item of the meeting on {held_on} has no lead unit or deadline",
        ),
        "minutes_similar": (
            "会议纪要与第 {earlier_id} 号会议的纪要 {percent}% 相同",
            "the minutes are {percent}% the same as meeting {earlier_id}'s",
        ),
        "meeting_missing": (
            "每年应召开 {per_year} 次，第 {periods} 期未召开",
            "{per_year} meetings a year required; none in period {periods}",
        ),
        "criticise_rectification": (
            "整改通知（{number}）逾期未整改到位",
            "rectification order {number} not carried out in time",
        ),
        # assessment (考核): indicator names, drill-down lines, proposals, scheme errors
        "rule_establishment": ("建制情况", "establishment"),
        "rule_meeting_frequency": ("会议召开频次", "meeting frequency"),
        "rule_item_completion": ("议定事项办结", "agreed items completed"),
        "rule_item_on_time": ("按时办结", "completed on time"),
        "rule_feedback_timeliness": ("进展反馈及时", "feedback timeliness"),
        "rule_suggestion_handling": ("职工建议办理", "worker suggestions handled"),
        "rule_record_completeness": ("台账资料完整", "completeness of records"),
        "rule_formality_deduction": ("走过场扣分", "deduction: held only for form"),
        "rule_criticism_deduction": ("通报批评扣分", "deduction: circulated criticism"),
        "rule_commendation_bonus": ("通报表扬加分", "bonus: commendation"),
        "scheme_default_name": ("{year}年度联席会议工作考核", "joint-meeting assessment {year}"),
        "score_full": ("满分 {weight} 分", "full marks: {weight}"),
        "score_nothing_due": (
            "本年度无此项考核内容，按满分计",
            "nothing to assess this year: full marks",
        ),
        "score_nothing_recorded": ("本年度没有相关记录，不得分", "no records this year: no points"),
        "score_as_the_rest": (
            "本年度无此项考核内容，按其余计分指标的得分率 {share}% 计",
            "nothing to assess this year: scored at the {share}% earned on the other indicators",
        ),
        "not_established": (
            "{union}与{partner}尚未建立联席会议制度",
            "{union} and {partner} have no joint-meeting system",
        ),
        "missed_quarter": (
            "{union}第{period}季度未召开联席会议",
            "{union}: no meeting in quarter {period}",
        ),
        "missed_first_half": ("{union}上半年未召开联席会议", "{union}: no meeting in H1"),
        "missed_second_half": ("{union}下半年未召开联席会议", "{union}: no meeting in H2"),
        "missed_year": ("{union}全年未召开联席会议", "{union}: no meeting all year"),
        "missed_period": (
            "{union}每年应召开 {per_year} 次，第 {period} 期未召开",
            "{union}: {per_year} a year required, none in period {period}",
        ),
        "item_not_done": (
            "议定事项“{text}”（时限 {deadline}）未办结",
            "item “{text}” (due {deadline}) not done",
        ),
        "item_late": (
            "议定事项“{text}”时限 {deadline}，{completed_on} 才办结",
            "item “{text}” due {deadline}, done only on {completed_on}",
        ),
        "item_open_late": (
            "议定事项“{text}”时限 {deadline}，逾期未办结",
            "item “{text}” due {deadline}, overdue",
        ),
        "feedback_gap": (
            "议定事项“{text}”曾 {days} 天未反馈进展",
            "item “{text}” went {days} days without feedback",
        ),
        "suggestion_unanswered": (
            "{union} {received_on} 收到的职工建议尚未答复职工",
            "{union}: the worker who made the suggestion of {received_on} has had no reply",
        ),
        "suggestion_answered_late": (
            "{union} {received_on} 收到的职工建议 {days} 天后才答复职工",
            "{union}: the suggestion of {received_on} was answered only after {days} days",
        ),
        "no_attendance": (
            "{union} {held_on} 召开的会议未登记出席人员",
            "{union}: no attendance recorded for the meeting on {held_on}",
        ),
        "items_without_lead": (
            "{union} {held_on} 召开的会议有 {count} 项议定事项缺牵头单位或完成时限",
            "{union}: {count} items of the meeting on {held_on} lack a lead unit or deadline",
        ),
        "minutes_not_issued": (
            "{union} {held_on} 召开的会议未印发纪要",
            "{union}: no minutes issued for the meeting on {held_on}",
        ),
        "held_for_form": (
            "{union} {held_on} 召开的会议被认定为走过场",
            "{union}: the meeting on {held_on} was held only for form",
        ),
        "criticised_in_bulletin": (
            "{union}在督查通报（{bulletin}）中被通报批评",
            "{union} criticised in bulletin {bulletin}",
        ),
        "commended_in_bulletin": (
            "{union}在督查通报（{bulletin}）中被通报表扬",
            "{union} commended in bulletin {bulletin}",
        ),
        "commend_score": ("考核得分 {total} 分", "scored {total}"),
        "commend_top": ("考核排名第 {rank} 名", "ranked {rank}"),
        "criticise_score": ("考核得分 {total} 分，低于 {min} 分", "scored {total}, below {min}"),
        "criticise_mentioned": (
            "年内被通报批评 {count} 次（考核得分 {total} 分）",
            "criticised {count} times this year (scored {total})",
        ),
        "unknown_rule": (
            "没有“{rule}”这条考核规则。可用的规则：{known}。",
            "No assessment rule {rule}; known: {known}.",
        ),
        "unknown_param": (
            "考核规则“{rule}”没有参数“{param}”。",
            "Rule {rule} has no parameter {param}.",
        ),
        "bad_param": (
            "考核规则“{rule}”的参数“{param}”应在 {min} 到 {max} 之间。",
            "Parameter {param} of rule {rule} must lie between {min} and {max}.",
        ),
        "bad_choice": (
            "考核规则“{rule}”的参数“{param}”只能是：{known}。",
            "Parameter {param} of rule {rule} must be one of: {known}.",
        ),
        "duplicate_indicator": (
            "指标代码“{indicator}”重复。",
            "Indicator code {indicator} repeats.",
        ),
        "weights_not_total": (
            "各项计分指标的分值合计 {sum} 分，应等于总分 {total} 分。",
            "The scored indicators' weights add up to {sum}, not the total {total}.",
        ),
        "not_assessable": (
            "编号为 {id} 的单位不是工会，不能参加考核。",
            "Unit {id} is not a union and cannot be assessed.",
        ),
        "nothing_to_publish": (
            "{year} 年度没有待发布的考核结果，请先计算并保存。",
            "No results of {year} waiting to be published: compute and save them first.",
        ),
    }
)
# Accounts, permissions and the audit trail (desktop.core.accounts, permissions, audit).
MESSAGES.update(
    {
        "not_permitted": (
            "当前账户“{username}”（{role_label}）无权{act_label}，请由有此权限的同事办理。",
            "Account “{username}” ({role_label}) may not {act_label}; ask a colleague who may.",
        ),
        "login_wrong": ("用户名或密码不正确。", "Wrong user name or password."),
        "login_wrong_left": (
            "用户名或密码不正确。再输错 {left} 次，账户将被锁定 15 分钟。",
            "Wrong user name or password. {left} more failures lock the account for 15 minutes.",
        ),
        "login_locked": (
            "密码连续输错 5 次，账户已被锁定，请 {minutes} 分钟后再试，或请单位管理员重置密码。",
            "Five wrong passwords in a row: the account is locked; try again in {minutes} "
            "minutes, or ask the office admin to reset the password.",
        ),
        "login_disabled": (
            "账户“{username}”已停用，请联系单位管理员。",
            "Account “{username}” is disabled; ask the office admin.",
        ),
        "login_needed": (
            "本单位已启用账户登录：请用 --user 用户名 登录，或设置 LIANXI_TOKEN（见 lianxi account token）。",
            "This office uses accounts: log in with --user NAME, or set LIANXI_TOKEN "
            "(see lianxi account token).",
        ),
        "token_refused": (
            "登录令牌无效或已作废，请重新运行 lianxi account token。",
            "The log-in token is unknown or revoked; run lianxi account token again.",
        ),
        "password_too_short": (
            "密码至少需要 {min} 个字符。",
            "The password needs at least {min} characters.",
        ),
        "passwords_differ": ("两次输入的密码不一致。", "The two passwords differ."),
        "account_exists": ("已有名为“{username}”的账户。", "An account “{username}” exists."),
        "no_such_account": ("没有名为“{username}”的账户。", "No account “{username}”."),
        "accounts_exist": (
            "已经建立过账户，首个管理员只能在首次启动时建立。",
            "Accounts exist already; the first admin is made only at first start.",
        ),
        "last_admin": (
            "“{username}”是唯一启用的单位管理员，不能停用或改为其他角色。",
            "“{username}” is the only active office admin and cannot be disabled or demoted.",
        ),
    }
)
ROLE_LABELS: dict[str, tuple[str, str]] = {
    "admin": ("单位管理员", "office admin"),
    "reviewer": ("审核", "reviewer"),
    "clerk": ("录入", "clerk"),
    "leader": ("查阅", "leader"),
}
ACT_LABELS: dict[str, tuple[str, str]] = {
    "change_records": ("修改记录", "change records"),
    "manage_accounts": ("管理账户", "manage accounts"),
    "change_settings": ("修改设置、本单位信息或密钥", "change settings, the office or its keys"),
    "restore_backup": ("从备份恢复数据库", "restore the database from a backup"),
    "manage_assessment": ("修改考核方案", "change the assessment scheme"),
    "publish_results": ("发布考核结果", "publish assessment results"),
    "issue_documents": ("印发文书", "issue documents"),
    "verify_items": ("验收议定事项", "verify agreed items"),
    "rewrite_audit_trail": ("改写操作记录", "rewrite the audit trail"),
}
ESTIMATED_MARK = ("（暂按周末推算）", " (estimated: weekends only)")

# Record kinds are named by the registry, under their key (`item`) and their package name
# (`agreed_item`); these few name things that are not record kinds.
KIND_LABELS: dict[str, tuple[str, str]] = {
    "attachment_file": ("附件文件", "attachment file"),
    "issued_document": ("已印发文件", "issued document"),
} | PACKAGE_ONLY_KINDS

STATUS_LABELS: dict[str, tuple[str, str]] = {
    "registered": ("已登记", "registered"),
    "adopted": ("已采纳", "adopted"),
    "forwarded": ("已转办", "forwarded"),
    "replied": ("已答复", "replied"),
    "not_adopted": ("未采纳", "not adopted"),
    "candidate": ("候选", "candidate"),
    "researching": ("调研中", "researching"),
    "vetted": ("已审定", "vetted"),
    "consulted": ("已征求意见", "consulted"),
    "scheduled": ("已列入会议", "scheduled"),
    "decided": ("已议定", "decided"),
    "deferred": ("暂缓", "deferred"),
    "rejected": ("不予采纳", "rejected"),
    "merged": ("已合并", "merged"),
    "planned": ("筹备中", "planned"),
    "notified": ("已通知", "notified"),
    "held": ("已召开", "held"),
    "minutes_issued": ("纪要已印发", "minutes issued"),
    "cancelled": ("已取消", "cancelled"),
    "drafted": ("待交办", "draft"),
    "assigned": ("已交办", "assigned"),
    "in_progress": ("办理中", "in progress"),
    "extension_requested": ("申请延期", "extension requested"),
    "completed": ("已办结", "completed"),
    "verified": ("已验收", "verified"),
    "draft": ("草稿", "draft"),
    "submitted": ("待审核", "awaiting review"),
    "issued": ("已印发", "issued"),
    "established": ("已建制", "established"),
    "not_established": ("未建制", "not established"),
}

ACTION_LABELS: dict[str, tuple[str, str]] = {
    "adopt": ("采纳", "adopt"),
    "forward": ("转办", "forward"),
    "reply": ("答复", "reply"),
    "reject": ("不予采纳", "reject"),
    "reopen": ("重新办理", "reopen"),
    "start_research": ("开展调研", "start research"),
    "vet": ("提交审定", "vet"),
    "mark_consulted": ("征求部门意见", "consult"),
    "schedule": ("列入会议", "schedule"),
    "unschedule": ("移出议程", "unschedule"),
    "decide": ("议定", "decide"),
    "defer": ("暂缓", "defer"),
    "merge": ("合并", "merge"),
    "notify": ("发出会议通知", "notify"),
    "hold": ("标记已召开", "mark held"),
    "issue_minutes": ("印发纪要", "issue minutes"),
    "cancel": ("取消", "cancel"),
    "assign": ("交办", "assign"),
    "report_progress": ("反馈进展", "report progress"),
    "request_extension": ("申请延期", "request extension"),
    "approve_extension": ("同意延期", "approve extension"),
    "refuse_extension": ("不同意延期", "refuse extension"),
    "complete": ("办结", "complete"),
    "send_back": ("退回", "send back"),
    "verify": ("验收", "verify"),
    "submit_for_review": ("提交审核", "submit for review"),
    "return_to_draft": ("退回修改", "send back"),
    "issue": ("印发", "issue"),
    "criticism": ("通报批评", "circulated criticism"),
    "notice_reminder": ("催办", "reminder"),
    "notice_supervision": ("督办通知", "supervision notice"),
    "notice_rectification": ("整改通知", "rectification order"),
}


# Columns of lists and spreadsheets that are not a form's field (those are in FIELD_LABELS).
COLUMN_LABELS: dict[str, tuple[str, str]] = {
    "id": ("编号", "id"),
    "issue_no": ("期号", "issue"),
    "number": ("文号", "number"),
    "item_id": ("事项编号", "item"),
    "meeting_id": ("会议编号", "meeting"),
    "meeting": ("所属会议", "meeting"),
    "topic_id": ("议题编号", "topic"),
    "record_id": ("记录编号", "record"),
    "sequence": ("序号", "no."),
    "lead_unit": ("牵头单位", "lead unit"),
    "union": ("工会", "union"),
    "partner": ("对方单位", "partner"),
    "parent": ("上级单位", "parent"),
    "pinyin_initials": ("拼音首字母", "pinyin"),
    "receiving_unit": ("收件单位", "received by"),
    "reporting_unit": ("反馈单位", "reported by"),
    "target_unit": ("发往单位", "sent to"),
    "unit_name": ("单位", "unit"),
    "source": ("来源", "source"),
    "formality_flag": ("走过场", "formality flag"),
    "minutes_number": ("纪要文号", "minutes no."),
    "meeting_held_on": ("会议日期", "meeting held on"),
    "last_feedback_on": ("最近反馈", "last feedback"),
    "light": ("督办灯", "light"),
    "light_reason": ("督办灯说明", "light reason"),
    "uuid": ("唯一标识", "uuid"),
    "parent_name": ("上级单位名称", "parent's name"),
    "contact": ("联系人", "contact person"),
    "phone": ("联系电话", "phone"),
    "anonymous": ("匿名", "anonymous"),
    "offset": ("跳过前若干条", "rows to skip"),
    "desc": ("降序", "descending"),
    "workdays_late": ("超期（工作日）", "working days late"),
    "step": ("建议下一步", "next step"),
    "after": ("当前所处", "current step"),
    "waiting_since": ("等待起算日", "waiting since"),
    "workdays_waited": ("已等待（工作日）", "working days waited"),
    "check": ("检查项", "check"),
    "problem": ("问题", "problem"),
    "figure": ("指标", "figure"),
    "value": ("数值", "value"),
    "section": ("类别", "section"),
    "period": ("期间", "period"),
    "required": ("应召开", "required"),
    "convened": ("已召开", "convened"),
    "meetings_held": ("实际开会", "meetings held"),
    "rate": ("比率", "rate"),
    "pairs": ("应建制", "pairs"),
    "established": ("已建制", "established"),
    "received": ("收到", "received"),
    "adopted": ("采纳", "adopted"),
    "meetings": ("会议", "meetings"),
    "topics": ("议题", "topics"),
    "items": ("议定事项", "items"),
    "at": ("时间", "time"),
    "direction": ("方向", "direction"),
    "peer_office_name": ("对方单位", "peer office"),
    "file_name": ("文件名", "file"),
    "username": ("操作人", "user"),
    "result": ("结果", "result"),
}
# Codes printed as values (levels, kinds, steps…): statuses are in STATUS_LABELS.
VALUE_LABELS: dict[str, tuple[str, str]] = {
    "province": ("省级", "province"),
    "city": ("市级", "city"),
    "county": ("县级", "county"),
    "township": ("乡镇", "township"),
    "street": ("街道", "street"),
    "enterprise": ("企业", "enterprise"),
    "industry": ("产业", "industry"),
    "government": ("政府", "government"),
    "department": ("政府部门", "department"),
    "party_committee": ("党委", "party committee"),
    "federation": ("总工会", "federation"),
    "township_union": ("乡镇工会", "township union"),
    "street_union": ("街道工会", "street union"),
    "enterprise_union": ("企业工会", "enterprise union"),
    "industry_union": ("产业工会", "industry union"),
    "industry_association": ("行业协会", "industry association"),
    "wechat": ("微信", "WeChat"),
    "sms": ("短信", "SMS"),
    "email": ("电子邮件", "e-mail"),
    "letter": ("来信", "letter"),
    "visit": ("来访", "visit"),
    "hotline": ("热线", "hotline"),
    "forum": ("座谈会", "forum"),
    "other": ("其他", "other"),
    "suggestion": ("职工建议", "suggestion"),
    "research": ("工会调研", "research"),
    "party_priority": ("党政重点", "party priority"),
    "lower_request": ("下级工会提请", "lower union's request"),
    "government_union": ("政府与工会", "government and union"),
    "party_union": ("党政与工会", "party, government and union"),
    "reminder": ("催办单", "reminder"),
    "supervision": ("督办通知书", "supervision notice"),
    "rectification": ("整改通知书", "rectification order"),
    "criticism": ("通报批评", "circulated criticism"),
    "commendation": ("通报表扬", "commendation"),
    "red": ("红", "red"),
    "yellow": ("黄", "yellow"),
    "green": ("绿", "green"),
    "grey": ("灰", "grey"),
    "import": ("导入", "import"),
    "export": ("导出", "export"),
    "already_applied": ("以前已导入", "already imported"),
    "held": ("等待前序数据包", "held"),
    "applied": ("已导入", "applied"),
    "rejected": ("已拒绝", "rejected"),
    "year": ("全年", "year"),
    "Q1": ("一季度", "Q1"),
    "Q2": ("二季度", "Q2"),
    "Q3": ("三季度", "Q3"),
    "Q4": ("四季度", "Q4"),
    # dashboard figures
    "today": ("统计日期", "as of"),
    "overdue_items": ("超期事项", "overdue items"),
    "due_soon_items": ("五个工作日内到期", "due within five working days"),
    "due_soon_until": ("临近到期截至", "due soon until"),
    "units_behind_on_meetings": ("未按规定召开会议的单位", "units behind on meetings"),
    "topics_waiting_for_vetting": ("待审定议题", "topics waiting for vetting"),
    "suggestions_waiting_for_reply": ("待答复建议", "suggestions waiting for a reply"),
    "last_exchange_at": ("最近一次数据交换", "last exchange"),
    "open_items": ("未办结事项", "open items"),
    "pending_extensions": ("延期待批", "extensions to decide"),
    "awaiting_reply": ("督办后待回复", "awaiting a reply after supervision"),
    # spreadsheet sheets
    "next_steps": ("督办下一步", "next steps"),
    "formalism": ("走过场检查", "formality checks"),
    "convening_rate": ("召开率", "convening rate"),
    "establishment_rate": ("建制率", "establishment rate"),
    "adoption_rate": ("建议采纳率", "adoption rate"),
    "meeting_activity": ("会议情况", "meeting activity"),
    "dashboard": ("工作台", "dashboard"),
    "exchange_log": ("数据交换记录", "exchange log"),
}


LANGUAGES = ("zh", "en")
# The language used when a caller names none: Chinese unless the GUI switches to English.
_language = "zh"


def set_language(lang: str) -> None:
    """Make `lang` ("zh" or "en") the default of every function here; the CLI keeps Chinese."""
    global _language
    if lang not in LANGUAGES:
        raise ValueError(f"unknown language {lang!r}")
    _language = lang


def current_language() -> str:
    return _language


def _label(table: dict[str, tuple[str, str]], key: str, lang: str | None) -> str:
    pair = table.get(key)
    if pair is None:
        return key
    return pair[0] if (lang or _language) == "zh" else pair[1]


def column_label(column: str, lang: str | None = None) -> str:
    """A list's or a spreadsheet's column heading, in the interface language."""
    if column in COLUMN_LABELS:
        return _label(COLUMN_LABELS, column, lang)
    return field_label(column, lang)


def value_label(value: str, lang: str | None = None) -> str:
    """A code printed as a value (a level, a kind, a status) as people call it; others as is."""
    if value in VALUE_LABELS:
        return _label(VALUE_LABELS, value, lang)
    return _label(STATUS_LABELS, value, lang)


def scope_text(scope: SupervisionScope | None, lang: str | None = None) -> str:
    """What the escalation list covers, in one sentence ("" before the office is set up)."""
    if scope is None:
        return ""
    levels = [value_label(lv, lang) for lv in scope.levels]
    if not scope.left_out:
        return message("escalation_scope_all", {"levels": levels}, lang)
    left_out = [value_label(lv, lang) for lv in scope.left_out]
    return message("escalation_scope", {"levels": levels, "left_out": left_out}, lang)


def worded_sheet(table: ExportTable, lang: str | None = None) -> Sheet:
    """A core table as a spreadsheet sheet: headings and codes worded, numbers and dates kept."""
    from desktop.core.exports import Code

    def cell(value: object) -> object:
        if not isinstance(value, Code):
            return value
        if value.fields is None:
            return value_label(value.code, lang)
        return message(value.code, value.fields, lang)

    return Sheet(
        value_label(table.name, lang),
        [column_label(c, lang) for c in table.columns],
        ([cell(v) for v in row] for row in table.rows),
        table.kinds,
    )


def field_label(field: str, lang: str | None = None) -> str:
    base = field.split("[")[0].split(".")[-1] if "." in field else field.split("[")[0]
    return _label(FIELD_LABELS, base, lang)


def role_label(role: str, lang: str | None = None) -> str:
    return _label(ROLE_LABELS, role, lang)


def status_label(status: str, lang: str | None = None) -> str:
    return _label(STATUS_LABELS, status, lang)


def action_label(action: str, lang: str | None = None) -> str:
    return _label(ACTION_LABELS, action, lang)


def kind_label(kind: str, lang: str | None = None) -> str:
    """A record kind by its key or its package name, in the interface language."""
    record = KINDS.get(kind)
    if record is None:
        with contextlib.suppress(KeyError):
            record = by_package_name(kind)
    if record is None:
        return _label(KIND_LABELS, kind, lang)
    return record.label if (lang or _language) == "zh" else record.english


def byte_size(size: int, lang: str | None = None, *, exact: bool = False) -> str:
    """A size for a clerk: 3.0 GB, 512.0 MB, 20.0 KB (steps of 1024), or bytes below that (or
    when `exact`: two sizes that would read the same)."""
    for unit, step in (("GB", 1024**3), ("MB", 1024**2), ("KB", 1024)):
        if size >= step and not exact:
            return f"{size / step:.1f} {unit}"
    return f"{size:,} 字节" if (lang or _language) == "zh" else f"{size:,} bytes"


class _Blank(dict[str, Any]):
    """Fields for a template: a field the code's raiser did not give prints as "?"."""

    def __missing__(self, key: str) -> str:
        return "?"


def message(
    code: str,
    fields: Mapping[str, Any] | None = None,
    lang: str | None = None,
    *,
    exchange: bool = False,
) -> str:
    """A sentence for a code and its fields; `exchange` prefers the exchange layer's wording.

    The two layers share one code, `unknown_kind`: a list asked for a kind that does not
    exist, or a package carried one. Every other code means the same wherever it is raised.
    """
    lang = lang or _language
    zh = lang == "zh"
    values = _Blank(fields or {})
    if "kind" in values:
        values["kind_label"] = kind_label(str(values["kind"]), lang)
    package_wording = code in SYNC_MESSAGES and (exchange or code not in MESSAGES)
    pair = SYNC_MESSAGES[code] if package_wording else MESSAGES.get(code)
    if pair is None:
        if exchange:
            return f"数据包未能处理（{code}）。" if zh else f"The package was refused ({code})."
        return f"操作未能完成（{code}）。" if zh else f"Could not complete ({code})."
    if package_wording:
        # Package wording names a field as it is spelt in the package, and says what is wrong.
        problem = FIELD_PROBLEMS.get(str(values.get("problem")))
        if problem is not None:
            values["problem_text"] = (problem[0] if zh else problem[1]).format_map(values)
        sizes = {n: values[n] for n in BYTE_FIELDS.get(code, ()) if isinstance(values.get(n), int)}
        worded = {n: byte_size(v, lang) for n, v in sizes.items()}
        exact = len(set(worded.values())) < len(worded)  # "1.2 MB, over 1.2 MB" says nothing
        values.update({n: byte_size(v, lang, exact=exact) for n, v in sizes.items()})
        if "target_kind" in values:
            values["target_label"] = kind_label(str(values["target_kind"]), lang)
        if "action" in values:
            values["action_label"] = action_label(str(values["action"]), lang)
        if "rule" in values:  # a record breaking an editor's rule, worded as the editor does
            values["rule_text"] = message(str(values["rule"]), values.get("rule_fields"), lang)
    else:
        for name, value in values.items():
            if isinstance(value, list | tuple):
                values[name] = ("、" if zh else ", ").join(map(str, value))
        if code == "font_override_unusable":
            reason = str(values.get("reason"))
            values["reason_text"] = _label(FONT_PROBLEMS, reason, lang)
        if "field" in values:
            values["field"] = field_label(str(values["field"]), lang)
        if "state" in values:
            values["state_label"] = status_label(str(values["state"]), lang)
        if "action" in values:
            values["action_label"] = action_label(str(values["action"]), lang)
        if code == "not_permitted":
            values["role_label"] = role_label(str(values["role"]), lang)
            values["act_label"] = _label(ACT_LABELS, str(values["act"]), lang)
    return (pair[0] if zh else pair[1]).format_map(values)


def describe(exc: BaseException, lang: str | None = None) -> str:
    """One sentence for any refusal or fault a user action can meet, in the interface language.

    Domain and database refusals are worded from their code; a fault of the database or the
    disk says what happened and what to do, never the library's own words.
    """
    if isinstance(exc, DomainError | DatabaseError):
        return message(exc.code, exc.fields, lang, exchange=isinstance(exc, SyncError))
    return message(fault_code(exc), None, lang)


def check_verdict(report: CheckReport, lang: str | None = None) -> str:
    """What `lianxi db check` found, in one sentence: sound, damaged (and how), or unreadable."""
    if report.damaged:
        zh = (lang or _language) == "zh"
        parts = [
            _label(CHECK_PROBLEMS, kind, lang).format(n=n)
            for kind, n in report.problems().most_common()
        ]
        return message("check_damaged", {"problems": ("、" if zh else ", ").join(parts)}, lang)
    if report.foreign_key_violations:
        return message("check_foreign_keys", {"count": len(report.foreign_key_violations)}, lang)
    return message("check_ok", None, lang)


# What SQLite says, and the code of the sentence that tells a clerk what to do about it.
_DATABASE_FAULTS = (
    # PostgreSQL refusing or missing a connection (psycopg's words)
    ("password authentication failed", "server_login_refused"),
    ("no password supplied", "server_login_refused"),
    ('fatal:  role "', "server_login_refused"),
    ('fatal:  database "', "server_database_missing"),
    ("is the server running", "server_unreachable"),
    ("failed to resolve host", "server_unreachable"),
    ("could not translate host name", "server_unreachable"),
    ("timeout expired", "server_unreachable"),
    ("connection failed:", "server_unreachable"),
    ("locked", "database_locked"),
    ("busy", "database_locked"),
    ("disk i/o error", "database_io_error"),
    ("readonly database", "database_read_only"),
    ("read-only", "database_read_only"),
    ("database or disk is full", "disk_full"),
    ("malformed", "database_damaged"),
    ("file is not a database", "database_damaged"),
    ("unable to open database file", "database_cannot_open"),
)
_FILE_FAULTS = {
    errno.ENOSPC: "disk_full",
    errno.EROFS: "read_only_disk",
    errno.EACCES: "no_permission",
    errno.EPERM: "no_permission",
    errno.ENOENT: "file_missing",
}


def fault_code(exc: BaseException) -> str:
    """The code of a fault that is not a refusal: the database's, a file's, or a bug."""
    if isinstance(exc, DBAPIError | sqlite3.Error):
        text = str(exc.orig if isinstance(exc, DBAPIError) else exc).lower()
        return next((code for words, code in _DATABASE_FAULTS if words in text), "database_error")
    if isinstance(exc, OSError):
        return _FILE_FAULTS.get(exc.errno or 0, "file_error")
    if isinstance(exc, UnicodeDecodeError):
        return "not_utf8"
    return "unexpected_error"
