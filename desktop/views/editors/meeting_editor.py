"""Meeting editor: details, participants, agenda by drag and drop, working groups, minutes, items."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.core import documents
from desktop.core import meetings as core
from desktop.core.decisions import Outcome, read_decision
from desktop.core.errors import InvalidInput
from desktop.core.meeting_dto import MeetingDTO, ParticipantInput
from desktop.core.office import local_office
from desktop.core.topics import schedulable_topics
from desktop.db import Database
from desktop.models.enums import (
    AttendanceRole,
    Level,
    MeetingKind,
    MeetingStatus,
    WorkingGroupKind,
)
from desktop.views.editors.base import RecordEditor
from desktop.views.editors.choices import enum_combo, select
from desktop.views.editors.item_editor import ItemEditor
from desktop.views.editors.registry import editor_for
from desktop.views.fit import fit_to_screen
from desktop.views.form import OptionalDate, date_edit, text_box
from desktop.views.labels import QT_TRANSLATE_NOOP, cell_text, fill, status_text, with_note
from desktop.views.unit_picker import UnitPicker

TOPIC_ROLE = Qt.ItemDataRole.UserRole
UNIT_ID_ROLE = Qt.ItemDataRole.UserRole
# Chinese source texts, translated when shown (context "MeetingEditor").
ROLE_LABELS = {
    AttendanceRole.ATTENDED: QT_TRANSLATE_NOOP("MeetingEditor", "出席"),
    AttendanceRole.ABSENT: QT_TRANSLATE_NOOP("MeetingEditor", "请假"),
    AttendanceRole.SAT_IN: QT_TRANSLATE_NOOP("MeetingEditor", "列席"),
}
GROUP_LABELS = {
    WorkingGroupKind.TOPICS: QT_TRANSLATE_NOOP("MeetingEditor", "议题组"),
    WorkingGroupKind.MATERIALS: QT_TRANSLATE_NOOP("MeetingEditor", "材料组"),
    WorkingGroupKind.LOGISTICS: QT_TRANSLATE_NOOP("MeetingEditor", "会务组"),
    WorkingGroupKind.PUBLICITY: QT_TRANSLATE_NOOP("MeetingEditor", "宣传组"),
    WorkingGroupKind.SUPERVISION: QT_TRANSLATE_NOOP("MeetingEditor", "督查组"),
}


def stored_participants(dto: MeetingDTO) -> list[ParticipantInput]:
    """The participants as the meeting has them, in the form the editor's table gives back."""
    return [
        ParticipantInput(p.name, p.role, p.unit_id, p.unit_name, p.title, p.absence_reason)
        for p in dto.participants
    ]


def _translated(label: str) -> str:
    return QCoreApplication.translate("MeetingEditor", label)


OUTCOME_LABELS = {
    Outcome.PASSED: QT_TRANSLATE_NOOP("MeetingEditor", "通过"),
    Outcome.IN_PRINCIPLE: QT_TRANSLATE_NOOP("MeetingEditor", "原则通过"),
    Outcome.DEFERRED: QT_TRANSLATE_NOOP("MeetingEditor", "暂缓"),
    Outcome.REJECTED: QT_TRANSLATE_NOOP("MeetingEditor", "不予通过"),
}


class AgendaList(QListWidget):
    """The agenda: topics dropped in from the vetted list are scheduled; moving one reorders."""

    topic_dropped = Signal(int)
    reordered = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)

    def dropEvent(self, event: QDropEvent) -> None:
        source = event.source()
        if source is self:
            super().dropEvent(event)
            self.reordered.emit()
            return
        if isinstance(source, QListWidget):
            for item in source.selectedItems():
                self.topic_dropped.emit(int(item.data(TOPIC_ROLE)))
        event.ignore()  # the agenda is rebuilt from the database, not from the drop


@editor_for("meeting")
class MeetingEditor(RecordEditor):
    machine = "meeting"
    actions = ("notify", "hold", "issue_minutes", "cancel")

    def __init__(
        self, db: Database, record_id: int | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(db, record_id, parent)
        self.setWindowTitle(self.tr("联席会议"))
        fit_to_screen(self, 960, 760)
        f = self.form
        self.kind_combo = f.add("kind", self.tr("会议类别"), enum_combo(MeetingKind))
        self.level = f.add("level", self.tr("层级"), enum_combo(Level, Level.COUNTY))
        self.union = f.add("union_unit_id", self.tr("工会"), UnitPicker(self.db))
        self.partner_unit = f.add("partner_unit_id", self.tr("政府方单位"), UnitPicker(self.db))
        self.partner = f.add("partner_name", self.tr("政府方名称"), QLineEdit())
        self.series = f.add(
            "series_number", self.tr("届次（第N次，0 为自动）"), QSpinBox(maximum=10000)
        )
        self.planned_on = f.add("planned_on", self.tr("计划日期"), OptionalDate(date.today()))
        self.starts_at = f.add(
            "starts_at", self.tr("开始时间"), QLineEdit(placeholderText=self.tr("如 09:30"))
        )
        self.place = f.add("place", self.tr("地点"), QLineEdit())
        self.chair = f.add("chair", self.tr("主持人"), QLineEdit())
        self.status = f.add("status", self.tr("状态"), QLineEdit(readOnly=True))
        self._filled_partner = ""  # the 政府方名称 last filled in from the unit, not typed
        self.partner_unit.unit_changed.connect(self._fill_partner_name)
        self.tabs = QTabWidget()
        self.tabs.addTab(self._participants_tab(), self.tr("参会人员"))
        self.agenda_tab = self.tabs.addTab(self._agenda_tab(), self.tr("议程"))
        self.tabs.addTab(self._groups_tab(), self.tr("工作小组"))
        self.tabs.addTab(self._minutes_tab(), self.tr("会议纪要"))
        self.items_tab = self.tabs.addTab(self._items_tab(), self.tr("议定事项"))
        self.body.addWidget(self.tabs)
        self.add_print_button(self.tr("打印会议通知"), documents.meeting_notice_doc)
        self.add_print_button(self.tr("打印纪要"), documents.minutes_doc)
        self.flag_button = QPushButton(self.tr("认定走过场并责令重开"))
        self.flag_button.setEnabled(False)
        self.flag_button.clicked.connect(self.flag_formality)
        self.print_row.addStretch(1)
        self.print_row.addWidget(self.flag_button)
        self.watch(
            self.kind_combo,
            self.level,
            self.union,
            self.partner_unit,
            self.partner,
            self.series,
            self.planned_on,
            self.starts_at,
            self.place,
            self.chair,
        )
        if record_id is not None:
            self.set_dto(self.reload_dto())
        else:
            office = self.read(local_office)
            self.union.set_unit_id(office.unit_id)
            select(self.level, office.level)
            self._enable_saved_only_tabs(False)
            self.workflow.update_state(None)  # type: ignore[union-attr]

    def _fill_partner_name(self, unit_id: int | None) -> None:
        """The partner's name follows the unit chosen (arrowing through the completer too),
        until the clerk types a name of their own."""
        if unit_id is None or self.partner.text() not in ("", self._filled_partner):
            return
        self._filled_partner = self.partner_unit.text()
        self.partner.setText(self._filled_partner)

    # tabs
    def _enable_saved_only_tabs(self, saved: bool) -> None:
        """The agenda and agreed items belong to a stored meeting; the rest can be typed first."""
        for index in (self.agenda_tab, self.items_tab):
            self.tabs.setTabEnabled(index, saved)
            self.tabs.setTabToolTip(index, "" if saved else self.tr("保存会议后可用"))

    def _participants_tab(self) -> QWidget:
        box = QWidget()
        layout = QVBoxLayout(box)
        self.people = QTableWidget(0, 5)
        self.people.setHorizontalHeaderLabels(
            [
                self.tr("姓名"),
                self.tr("出席情况"),
                self.tr("单位"),
                self.tr("职务"),
                self.tr("请假原因"),
            ]
        )
        self.people.horizontalHeader().setStretchLastSection(True)
        self.people.itemChanged.connect(self._mark_dirty)
        row = QHBoxLayout()
        add, remove = (QPushButton(t) for t in (self.tr("添加"), self.tr("删除")))
        add.clicked.connect(self.add_participant)
        remove.clicked.connect(self.remove_participant)
        for b in (add, remove):
            row.addWidget(b)
        row.addStretch(1)
        layout.addWidget(self.people)
        layout.addLayout(row)
        return box

    def _add_person(self, p: ParticipantInput) -> None:
        r = self.people.rowCount()
        self.people.insertRow(r)
        name = QTableWidgetItem(p.name)
        name.setData(UNIT_ID_ROLE, p.unit_id)  # kept: a participant linked to a unit stays so
        self.people.setItem(r, 0, name)
        role = QComboBox()
        for value, label in ROLE_LABELS.items():
            role.addItem(_translated(label), value)
        role.setCurrentIndex(list(ROLE_LABELS).index(p.role))
        role.currentIndexChanged.connect(self._mark_dirty)
        self.people.setCellWidget(r, 1, role)
        for col, text in ((2, p.unit_name), (3, p.title), (4, p.absence_reason)):
            self.people.setItem(r, col, QTableWidgetItem(text))

    def add_participant(self) -> None:
        self._add_person(ParticipantInput("", AttendanceRole.ATTENDED))
        self.people.setCurrentCell(self.people.rowCount() - 1, 0)
        self.people.editItem(self.people.item(self.people.rowCount() - 1, 0))
        self.dirty = True

    def remove_participant(self) -> None:
        if self.people.currentRow() >= 0:
            self.people.removeRow(self.people.currentRow())
            self.dirty = True

    def participants(self) -> list[ParticipantInput]:
        def text(r: int, c: int) -> str:
            item = self.people.item(r, c)
            return item.text() if item is not None else ""

        result = []
        for r in range(self.people.rowCount()):
            role = self.people.cellWidget(r, 1)
            assert isinstance(role, QComboBox)
            name = self.people.item(r, 0)
            result.append(
                ParticipantInput(
                    text(r, 0),
                    role.currentData(),
                    unit_id=name.data(UNIT_ID_ROLE) if name is not None else None,
                    unit_name=text(r, 2),
                    title=text(r, 3),
                    absence_reason=text(r, 4),
                )
            )
        return result

    def _agenda_tab(self) -> QWidget:
        box = QWidget()
        grid = QGridLayout(box)
        self.available = QListWidget()
        self.available.setDragEnabled(True)
        self.available.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.agenda = AgendaList()
        schedule = QPushButton(self.tr("列入议程 →"))
        unschedule = QPushButton(self.tr("← 移出议程"))
        self.decide_button = QPushButton(self.tr("记录会议决定…"))
        self.decide_button.setToolTip(
            self.tr("选中右侧议程中的议题，记录会议对它的决定：通过、原则通过、暂缓或不予通过")
        )
        self.decide_button.clicked.connect(self.decide_selected)
        grid.addWidget(QLabel(self.tr("已审定、可列入会议的议题（可拖入右侧）：")), 0, 0)
        grid.addWidget(QLabel(self.tr("本次会议议程（拖动调整顺序）：")), 0, 2)
        grid.addWidget(self.available, 1, 0)
        buttons = QVBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(schedule)
        buttons.addWidget(unschedule)
        buttons.addStretch(1)
        grid.addLayout(buttons, 1, 1)
        grid.addWidget(self.agenda, 1, 2)
        grid.addWidget(self.decide_button, 2, 2)
        schedule.clicked.connect(
            lambda: [self.schedule(int(i.data(TOPIC_ROLE))) for i in self.available.selectedItems()]
        )
        unschedule.clicked.connect(self._unschedule_selected)
        self.agenda.topic_dropped.connect(self.schedule)
        self.agenda.reordered.connect(self._reorder)
        return box

    def schedule(self, topic_id: int) -> None:
        if self._saved_first():
            self._after(self.attempt(core.schedule_topic, self.record_id, topic_id))

    def decide_selected(self) -> MeetingDTO | None:
        """Record the meeting's decision on the selected agenda topic (outcome and wording)."""
        chosen = self.agenda.selectedItems() or [self.agenda.item(0)]
        if chosen[0] is None or self.dto is None or not self._saved_first():
            return None
        topic_id = int(chosen[0].data(TOPIC_ROLE))
        entry = next(e for e in self.dto.agenda if e.topic_id == topic_id)
        current = read_decision(entry.decision)
        outcome = QComboBox()
        outcome.addItem(self.tr("（不注明）"), "")
        for value in Outcome:
            outcome.addItem(
                QCoreApplication.translate("MeetingEditor", OUTCOME_LABELS[value]), value
            )
        if current.outcome is not None:
            outcome.setCurrentIndex(outcome.findData(current.outcome))
        wording = text_box(80)
        wording.setPlainText(current.text)
        meeting_id = self.record_id
        dto = self.ask(
            fill(self.tr("会议决定：%1"), entry.topic_title[:30]),
            [
                ("outcome", self.tr("决定结果"), outcome),
                ("decision", self.tr("议定意见"), wording),
            ],
            lambda v: (
                lambda s: core.record_decision(
                    s, meeting_id, topic_id, v["decision"], v["outcome"] or None
                )
            ),
        )
        self._after(dto)
        return dto

    def _saved_first(self) -> bool:
        """An agenda change is stored at once and shows the meeting again: typing is saved first."""
        return not self.dirty or self.save()

    def _unschedule_selected(self) -> None:
        if not self._saved_first():
            return
        for item in self.agenda.selectedItems():
            self._after(
                self.attempt(core.unschedule_topic, self.record_id, int(item.data(TOPIC_ROLE)))
            )

    def _reorder(self) -> None:
        if not self._saved_first():
            self.set_dto(self.reload_dto())  # the dragged order back as stored
            return
        order = [int(self.agenda.item(i).data(TOPIC_ROLE)) for i in range(self.agenda.count())]
        self._after(self.attempt(core.reorder_agenda, self.record_id, order))

    def _after(self, dto: MeetingDTO | None) -> None:
        if dto is not None:
            self.set_dto(dto)
            self.changed.emit()

    def _groups_tab(self) -> QWidget:
        box = QWidget()
        layout = QVBoxLayout(box)
        self.groups: dict[WorkingGroupKind, QLineEdit] = {}
        for kind, label in GROUP_LABELS.items():
            row = QHBoxLayout()
            row.addWidget(QLabel(_translated(label)), 0)
            edit = QLineEdit(placeholderText=self.tr("成员，以顿号分隔"))
            self.groups[kind] = edit
            self.watch(edit)
            row.addWidget(edit, 1)
            layout.addLayout(row)
        layout.addStretch(1)
        return box

    def _minutes_tab(self) -> QWidget:
        box = QWidget()
        layout = QVBoxLayout(box)
        self.minutes = text_box(240)
        self.watch(self.minutes)
        note = QLabel(
            self.tr(
                "印发的纪要会自动列出上次会议议定事项的落实情况（按印发当日的办理情况），"
                "不必在正文中录入。"
            )
        )
        note.setWordWrap(True)
        layout.addWidget(note)
        layout.addWidget(self.minutes)
        return box

    def _items_tab(self) -> QWidget:
        box = QWidget()
        layout = QVBoxLayout(box)
        self.items = QListWidget()
        self.items.itemDoubleClicked.connect(lambda it: self.open_item(int(it.data(TOPIC_ROLE))))
        add = QPushButton(self.tr("新增议定事项"))
        add.clicked.connect(lambda: self.open_item(None))
        layout.addWidget(self.items)
        layout.addWidget(add)
        return box

    def open_item(self, item_id: int | None) -> ItemEditor:
        topic = self.dto.agenda[0].topic_id if self.dto is not None and self.dto.agenda else None
        editor = ItemEditor(self.db, item_id, self, meeting_id=self.record_id, topic_id=topic)
        editor.changed.connect(lambda: self.show_items(self.reload_dto()))
        editor.setModal(True)
        editor.show()
        return editor

    # record
    def load(self, dto: MeetingDTO) -> None:
        held = dto.status in (MeetingStatus.HELD, MeetingStatus.MINUTES_ISSUED)
        self.flag_button.setEnabled(held and not dto.formality_flag)
        select(self.kind_combo, dto.kind)
        select(self.level, dto.level)
        self.union.set_unit_id(dto.union_unit_id)
        self.partner_unit.set_unit_id(dto.partner_unit_id)
        self.partner.setText(dto.partner_name)
        self._filled_partner = (
            dto.partner_name if dto.partner_name == self.partner_unit.text() else ""
        )
        self.series.setValue(dto.series_number)
        self.planned_on.set_value(dto.planned_on)
        self.place.setText(dto.place)
        self.starts_at.setText(dto.starts_at)
        self.chair.setText(dto.chair)
        parts = [status_text(dto.status)]
        if dto.held_on:
            parts.append(self.tr("%1召开").replace("%1", dto.held_on.isoformat()))
        if dto.minutes_number:
            parts.append(dto.minutes_number)
        if dto.formality_flag:
            parts.append(self.tr("走过场：%1").replace("%1", dto.formality_reason))
        self.status.setText("　".join(parts))
        self._enable_saved_only_tabs(True)
        self.people.setRowCount(0)
        for p in stored_participants(dto):
            self._add_person(p)
        self.agenda.clear()
        for e in dto.agenda:
            decided = read_decision(e.decision).outcome
            text = f"{e.position}. {e.topic_title}"
            if decided is not None:
                label = QCoreApplication.translate("MeetingEditor", OUTCOME_LABELS[decided])
                text = f"{text}（{label}）"
            item = QListWidgetItem(text)
            item.setToolTip(e.decision)
            item.setData(TOPIC_ROLE, e.topic_id)
            self.agenda.addItem(item)
        self.available.clear()
        for topic in self.read(schedulable_topics):
            item = QListWidgetItem(with_note(topic.title, cell_text(topic.status)))
            item.setData(TOPIC_ROLE, topic.id)
            self.available.addItem(item)
        groups = dict(dto.working_groups)
        for kind, edit in self.groups.items():
            edit.setText(groups.get(kind, ""))
        self.minutes.setPlainText(dto.minutes_text)
        self.show_items(dto)
        self.dirty = False

    def show_items(self, dto: MeetingDTO) -> None:
        """The meeting's agreed items (after one is added or changed in its own editor)."""
        self.items.clear()
        for it in dto.items:
            entry = QListWidgetItem(
                fill(
                    self.tr("%1. %2（%3；%4）"),
                    it.sequence,
                    it.text,
                    it.lead_unit_name,
                    status_text(it.status),
                )
            )
            entry.setData(TOPIC_ROLE, it.id)
            self.items.addItem(entry)
        self.changed.emit()

    def _input(self) -> core.MeetingInput:
        union = self.union.unit_id()
        if union is None:
            raise InvalidInput("unit_required", field="union_unit_id")
        return core.MeetingInput(
            kind=self.kind_combo.currentData(),
            level=self.level.currentData(),
            union_unit_id=union,
            partner_name=self.partner.text(),
            partner_unit_id=self.partner_unit.unit_id(),
            series_number=self.series.value() or None,
            planned_on=self.planned_on.value(),
            place=self.place.text(),
            chair=self.chair.text(),
            starts_at=self.starts_at.text().strip() or None,
        )

    def store(self, session: Any) -> MeetingDTO:
        """The details and every tab's table, in one transaction: one Save keeps everything."""
        if self.record_id is None:
            dto = core.create_meeting(session, self._input())
        else:
            dto = core.update_meeting(session, self.record_id, self._input())
        participants = self.participants()
        if participants != stored_participants(dto):
            dto = core.set_participants(session, dto.id, participants)
        groups = {k: e.text() for k, e in self.groups.items()}
        stored = dict(dto.working_groups)
        if any(members != stored.get(kind, "") for kind, members in groups.items()):
            dto = core.set_working_groups(session, dto.id, groups)
        if self.minutes.toPlainText() != dto.minutes_text:
            dto = core.save_minutes_text(session, dto.id, self.minutes.toPlainText())
        return dto

    def reload_dto(self) -> MeetingDTO:
        return self.read(core.get_meeting, self.record_id)

    def flag_formality(self) -> MeetingDTO | None:
        """The county's finding that a meeting was held only for form; a new one is ordered."""
        mid = self.record_id
        if mid is None:
            return None
        again = self.ask(
            self.tr("认定走过场"),
            [
                ("reason", self.tr("原因"), text_box()),
                ("reconvene_by", self.tr("限期重新召开"), date_edit(date.today())),
            ],
            lambda v: (
                lambda s: core.flag_formality(s, mid, v["reason"], reconvene_by=v["reconvene_by"])
            ),
        )
        if again is not None:
            self.set_dto(self.reload_dto())
            self.changed.emit()
        return again  # type: ignore[no-any-return]

    def perform(self, action: str) -> Any:
        mid = self.record_id
        assert mid is not None
        if action == "notify":
            return self.attempt(core.notify_meeting, mid)
        if action == "hold":
            return self.ask(
                self.tr("标记已召开"),
                [("held_on", self.tr("召开日期"), date_edit(self.dto.planned_on))],
                lambda v: lambda s: core.hold_meeting(s, mid, v["held_on"]),
            )
        if action == "issue_minutes":
            text = self.minutes.toPlainText()
            return self.ask(
                self.tr("印发纪要"),
                [("minutes_issued_on", self.tr("印发日期"), date_edit(date.today()))],
                lambda v: (
                    lambda s: core.issue_minutes(
                        s, mid, minutes_text=text, issued_on=v["minutes_issued_on"]
                    )
                ),
            )
        if action == "cancel":
            return self.ask(
                self.tr("取消会议"),
                [("reason", self.tr("原因"), text_box())],
                lambda v: lambda s: core.cancel_meeting(s, mid, v["reason"]),
            )
        raise KeyError(action)
