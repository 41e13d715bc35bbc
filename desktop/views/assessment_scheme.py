"""考核方案: the year's indicators, weights and rule parameters, edited and saved in one go."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QComboBox,
    QDoubleSpinBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.core.assessment import (
    RULES,
    IndicatorSpec,
    SchemeDTO,
    SchemeState,
    copy_scheme,
    default_scheme,
    save_scheme,
    scheme_state,
    validate_scheme,
)
from desktop.core.errors import DomainError, InvalidInput
from desktop.db import Database
from desktop.messages import message
from desktop.views.labels import fill
from desktop.views.operations import operations

NAME, RULE, KIND, WEIGHT, OWN_SHARE, IF_EMPTY, DAYS, PER = range(8)
DAY_PARAMS = ("max_gap_days", "within_days", "minutes_within_days")
PER_PARAMS = ("per_meeting", "per_mention")
PARAM_COLUMNS = {
    "own_share": OWN_SHARE,
    "if_empty": IF_EMPTY,
    **dict.fromkeys(DAY_PARAMS, DAYS),
    **dict.fromkeys(PER_PARAMS, PER),
}
RULE_ROLE = Qt.ItemDataRole.UserRole


def rule_name(rule: str) -> str:
    return message(f"rule_{rule}")


class SchemeEditor(QWidget):
    """Edits the year's scheme of this office; a scheme received from above is read-only."""

    saved = Signal(int)  # year

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.year = 0
        self.state: SchemeState | None = None
        self.dirty = False
        self._loading = False
        # Asks before changing a scheme whose results were published; tests replace it.
        self.confirm: Callable[[str], bool] = self._ask
        self.name = QLineEdit()
        self.name.setPlaceholderText(self.tr("默认：××年度联席会议工作考核"))
        self.name.textEdited.connect(self._edited)
        self.total = QDoubleSpinBox(minimum=1, maximum=1000, decimals=2)
        self.total.valueChanged.connect(self._edited)
        self.add_rule = QComboBox()
        for rule in RULES:
            self.add_rule.addItem(rule_name(rule), rule)
        self.add_button = QPushButton(self.tr("添加指标"))
        self.add_button.clicked.connect(self.add_indicator)
        self.remove_button = QPushButton(self.tr("删除所选指标"))
        self.remove_button.clicked.connect(self.remove_indicator)
        self.copy_button = QPushButton(self.tr("复制上年度方案"))
        self.copy_button.clicked.connect(self.copy_last_year)
        self.default_button = QPushButton(self.tr("恢复默认方案"))
        self.default_button.clicked.connect(self.load_default)
        self.save_button = QPushButton(self.tr("保存方案"))
        self.save_button.clicked.connect(self.save)
        self.reload_button = QPushButton(self.tr("放弃修改"))
        self.reload_button.clicked.connect(lambda: self.load(self.year))
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.sum_label = QLabel()
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b03a2e;")
        self.table = QTableWidget(0, 8)
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("指标名称"),
                self.tr("考核规则"),
                self.tr("类型"),
                self.tr("分值"),
                self.tr("本级记录占比"),
                self.tr("无考核内容时"),
                self.tr("天数"),
                self.tr("每次分值"),
            ]
        )
        for column, tip in (
            (NAME, self.tr("考核表上显示的名称；可改写，清空后恢复规则的标准名称")),
            (WEIGHT, self.tr("该项指标的满分；计分指标的分值合计应等于总分")),
            (IF_EMPTY, self.tr("本年度没有需要考核的记录时，该项按满分计还是不得分")),
            (OWN_SHARE, self.tr("本单位自身记录所占分值比例，其余归所属企业工会的记录（0–1）")),
            (DAYS, self.tr("进展反馈最长间隔、职工建议办理时限或会议纪要印发时限（天）")),
            (PER, self.tr("扣分项、加分项每条记录的分值；合计不超过该项分值")),
        ):
            self._header(column).setToolTip(tip)
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.horizontalHeader().setSectionResizeMode(NAME, QHeaderView.ResizeMode.Stretch)
        self.table.horizontalHeader().setSectionResizeMode(RULE, QHeaderView.ResizeMode.Stretch)
        self.table.itemChanged.connect(self._edited)
        head = QHBoxLayout()
        head.addWidget(QLabel(self.tr("方案名称：")))
        head.addWidget(self.name, 1)
        head.addWidget(QLabel(self.tr("总分：")))
        head.addWidget(self.total)
        rows = QHBoxLayout()
        for w in (self.add_rule, self.add_button, self.remove_button):
            rows.addWidget(w)
        rows.addStretch(1)
        for w in (self.copy_button, self.default_button, self.reload_button, self.save_button):
            rows.addWidget(w)
        layout = QVBoxLayout(self)
        layout.addWidget(self.note)
        layout.addLayout(head)
        layout.addLayout(rows)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.sum_label)
        help_text = QLabel(
            self.tr(
                "本级记录占比：如 0.6 表示该项 60% 看本单位自己的记录，40% 看所属企业工会报来的"
                "记录。无考核内容时：当年没有该项记录时按满分计或不得分。天数：进展反馈最长间隔、"
                "职工建议办理时限或纪要印发时限。每次分值：扣分、加分项每条记录扣（加）的分数，"
                "合计不超过该项分值。鼠标停在表头或单元格上可看说明。"
            )
        )
        help_text.setWordWrap(True)
        help_text.setObjectName("scheme_help")
        layout.addWidget(help_text)
        layout.addWidget(self.error)

    # Loading

    def load(self, year: int) -> None:
        """The scheme in force for `year` (the built-in default when none is stored)."""
        self.state = operations(self.db).read(scheme_state, year)
        self.year = year
        self.show_scheme(self.state.scheme)
        self.dirty = False
        self._explain()

    def _explain(self) -> None:
        assert self.state is not None
        state = self.state
        parts = []
        if state.from_above:
            parts.append(
                self.tr(
                    "本年度考核方案由上级下发，本单位不能修改；本单位的测算得分也按此方案计算。"
                )
            )
        elif state.scheme.id is None:
            parts.append(self.tr("本年度尚未保存考核方案，下面是默认方案；保存后即按此计分。"))
        if state.saved or state.published:
            parts.append(
                fill(
                    self.tr(
                        "本年度已保存 %1 个单位的暂定结果、%2 个单位的已发布结果。修改方案后，"
                        "页面上的得分立即按新方案重新计算；暂定结果在下次“保存为本单位结果”时"
                        "按新方案覆盖；已发布的结果保持原样，重新发布后才按新方案更新。"
                    ),
                    state.saved,
                    state.published,
                )
            )
        self.note.setText("".join(parts))
        self.note.setVisible(bool(parts))
        editable = not state.from_above
        for w in (
            self.name,
            self.total,
            self.add_rule,
            self.add_button,
            self.remove_button,
            self.copy_button,
            self.default_button,
            self.save_button,
            self.reload_button,
        ):
            w.setEnabled(editable)
        self.table.setEnabled(editable)

    def show_scheme(self, scheme: SchemeDTO) -> None:
        self._loading = True
        try:
            self.name.setText(scheme.name)
            self.total.setValue(scheme.total_points)
            self.table.setRowCount(0)
            for spec in scheme.indicators:
                self._append(spec)
        finally:
            self._loading = False
        self.error.clear()
        self._update_sum()

    def _append(self, spec: IndicatorSpec) -> None:
        rule = RULES[spec.rule]
        row = self.table.rowCount()
        self.table.insertRow(row)
        # A blank name reads as the rule's standard name, shown so the column is never empty.
        name = QTableWidgetItem(spec.name or rule_name(spec.rule))
        name.setData(RULE_ROLE, (spec.code, spec.rule))
        name.setToolTip(self.tr("可改写；清空或保持标准名称时使用规则的标准名称"))
        self.table.setItem(row, NAME, name)
        for column, text in (
            (RULE, rule_name(spec.rule)),
            (
                KIND,
                {"scored": self.tr("计分"), "deduction": self.tr("扣分"), "bonus": self.tr("加分")}[
                    rule.kind
                ],
            ),
        ):
            item = QTableWidgetItem(text)
            item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
            item.setToolTip(self._rule_help(spec.rule))
            self.table.setItem(row, column, item)
        weight = QDoubleSpinBox(minimum=0, maximum=1000, decimals=2)
        weight.setValue(spec.weight)
        weight.setToolTip(self.tr("该项指标的满分；计分指标的分值合计应等于总分"))
        weight.valueChanged.connect(self._edited)
        self.table.setCellWidget(row, WEIGHT, weight)
        for column in (OWN_SHARE, IF_EMPTY, DAYS, PER):
            blank = QTableWidgetItem("—")
            blank.setFlags(Qt.ItemFlag.NoItemFlags)
            blank.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
            self.table.setItem(row, column, blank)
        for param, p in rule.params.items():
            value = spec.params.get(param, p.default)
            editor: QWidget
            if p.choices:
                combo = QComboBox()
                for choice in p.choices:
                    combo.addItem(self._choice_text(choice), choice)
                combo.setCurrentIndex(max(0, combo.findData(value)))
                combo.currentIndexChanged.connect(self._edited)
                editor = combo
            elif p.whole:
                days = QSpinBox(minimum=int(p.low), maximum=int(p.high))
                days.setValue(int(value))
                days.setSuffix(self.tr(" 天"))
                days.valueChanged.connect(self._edited)
                editor = days
            else:
                number = QDoubleSpinBox(minimum=p.low, maximum=p.high, decimals=2)
                number.setSingleStep(0.05 if p.high <= 1 else 0.5)
                number.setValue(float(value))
                number.valueChanged.connect(self._edited)
                editor = number
            if isinstance(editor, QAbstractSpinBox):
                editor.setButtonSymbols(QAbstractSpinBox.ButtonSymbols.NoButtons)
            meaning = self._param_help(param)
            if not p.choices:
                meaning += fill(self.tr("（范围 %1–%2）"), f"{p.low:g}", f"{p.high:g}")
            editor.setToolTip(meaning)
            self.table.setCellWidget(row, PARAM_COLUMNS[param], editor)

    def _rule_help(self, rule: str) -> str:
        """What a rule counts, as docs/assessment.md says it (tooltip of its row)."""
        return {
            "establishment": self.tr("到年底已建立联席会议制度的（建制记录）得分"),
            "meeting_frequency": self.tr(
                "已建制单位在每个已结束的期次（按规定每年几次）召开了联席会议，且未被认定走过场"
            ),
            "item_completion": self.tr("当年到期的已交办议定事项已办结（办结或已验收）"),
            "item_on_time": self.tr("同上，且在完成时限前办结"),
            "feedback_timeliness": self.tr("议定事项从交办到办结，两次进展反馈之间不超过规定天数"),
            "suggestion_handling": self.tr("当年收到的职工建议在规定天数内答复了职工"),
            "record_completeness": self.tr(
                "当年召开的会议登记了参会人员，议定事项都有牵头单位和时限，纪要按时印发"
            ),
            "formality_deduction": self.tr("当年召开、被认定走过场的会议，每次扣分"),
            "criticism_deduction": self.tr("当年督查通报中被通报批评，每次扣分"),
            "commendation_bonus": self.tr("当年督查通报中被通报表扬，每次加分"),
        }.get(rule, "")

    def _param_help(self, param: str) -> str:
        return {
            "own_share": self.tr("本单位自身记录所占分值比例，其余归所属企业工会的记录"),
            "if_empty": self.tr("本年度没有需要考核的记录时按满分计还是不得分"),
            "max_gap_days": self.tr("议定事项两次进展反馈之间最长间隔的天数"),
            "within_days": self.tr("职工建议收到后应办理完毕的天数"),
            "minutes_within_days": self.tr("会议召开后应印发纪要的天数"),
            "per_meeting": self.tr("每次被认定走过场的会议扣的分数"),
            "per_mention": self.tr("每次在督查通报中被点名扣（加）的分数"),
        }.get(param, param)

    def _choice_text(self, choice: str) -> str:
        labels = {
            "full": self.tr("按满分计"),
            "zero": self.tr("不得分"),
            "as_the_rest": self.tr("按其余指标得分率计"),
        }
        return labels.get(choice, choice)

    # Editing

    def _edited(self, *_: Any) -> None:
        if self._loading:
            return
        self.dirty = True
        self._update_sum()

    def _update_sum(self) -> None:
        scored = sum(
            self._weight(r) for r in range(self.table.rowCount()) if self._kind(r) == "scored"
        )
        total = self.total.value()
        text = fill(self.tr("计分指标合计 %1 分，总分 %2 分"), f"{scored:g}", f"{total:g}")
        ok = round(scored * 100) == round(total * 100)
        self.sum_label.setText(text if ok else text + self.tr("（不相等，不能保存）"))
        self.sum_label.setStyleSheet("" if ok else "color: #b03a2e;")

    def _header(self, column: int) -> QTableWidgetItem:
        item = self.table.horizontalHeaderItem(column)
        assert item is not None  # every column has its label
        return item

    def _name_item(self, row: int) -> QTableWidgetItem:
        item = self.table.item(row, NAME)
        assert item is not None  # every row is made with its name item
        return item

    def _rule(self, row: int) -> tuple[str, str]:
        code, rule = self._name_item(row).data(RULE_ROLE)
        return str(code), str(rule)

    def _kind(self, row: int) -> str:
        return RULES[self._rule(row)[1]].kind

    def _weight(self, row: int) -> float:
        widget = self.table.cellWidget(row, WEIGHT)
        assert isinstance(widget, QDoubleSpinBox)
        return widget.value()

    def add_indicator(self) -> None:
        rule = str(self.add_rule.currentData())
        codes = {self._rule(r)[0] for r in range(self.table.rowCount())}
        code, n = rule, 2
        while code in codes:
            code, n = f"{rule}_{n}", n + 1
        self._append(IndicatorSpec(code, rule, 1.0))
        self.table.selectRow(self.table.rowCount() - 1)
        self._edited()

    def remove_indicator(self) -> None:
        rows = sorted({i.row() for i in self.table.selectedIndexes()}, reverse=True)
        for row in rows:
            self.table.removeRow(row)
        if rows:
            self._edited()

    def copy_last_year(self) -> None:
        draft, stored = operations(self.db).read(copy_scheme, self.year - 1, self.year)
        self.show_scheme(draft)
        self.dirty = True
        self.error.setStyleSheet("")
        if stored:
            self.error.setText(fill(self.tr("已载入 %1 年度的方案，检查后请保存。"), self.year - 1))
        else:
            self.error.setText(
                fill(
                    self.tr("%1 年度没有保存的方案，已载入默认方案，检查后请保存。"), self.year - 1
                )
            )

    def load_default(self) -> None:
        self.show_scheme(default_scheme(self.year))
        self.dirty = True

    # Saving

    def scheme(self) -> SchemeDTO:
        """The scheme as the table shows it (not validated)."""
        specs = []
        for row in range(self.table.rowCount()):
            code, rule = self._rule(row)
            params: dict[str, Any] = {}
            for param in RULES[rule].params:
                widget = self.table.cellWidget(row, PARAM_COLUMNS[param])
                if isinstance(widget, QComboBox):
                    params[param] = widget.currentData()
                elif isinstance(widget, QSpinBox | QDoubleSpinBox):
                    params[param] = widget.value()
            name = self._name_item(row).text().strip()
            if name == rule_name(rule):
                name = ""  # the standard name, in whatever language the scheme is shown
            specs.append(IndicatorSpec(code, rule, self._weight(row), params, name))
        return SchemeDTO(self.year, self.name.text().strip(), self.total.value(), tuple(specs))

    def problem(self, scheme: SchemeDTO) -> tuple[str, int | None] | None:
        """What the window can say before the core does, with the row concerned."""
        if not scheme.indicators:
            return self.tr("方案至少要有一项指标。"), None
        for row, spec in enumerate(scheme.indicators):
            if not 0 < spec.weight <= scheme.total_points:
                label = spec.name or rule_name(spec.rule)
                return (
                    fill(
                        self.tr("“%1”的分值应大于 0 且不超过总分 %2 分。"),
                        label,
                        f"{scheme.total_points:g}",
                    ),
                    row,
                )
        return None

    def _wording(self, exc: DomainError) -> str:
        """The core's refusal, with rules and parameters named as the table names them."""
        fields = dict(exc.fields)
        if "rule" in fields and str(fields["rule"]) in RULES:
            fields["rule"] = rule_name(str(fields["rule"]))
        if "param" in fields:
            column = PARAM_COLUMNS.get(str(fields["param"]))
            if column is not None:
                fields["param"] = self._header(column).text()
        if "known" in fields and exc.code == "bad_choice":
            fields["known"] = "、".join((self.tr("按满分计"), self.tr("不得分")))
        return message(exc.code, fields)

    def save(self) -> bool:
        """Validate and store the scheme in one transaction; say why not beside the table."""
        self.error.setStyleSheet("color: #b03a2e;")
        scheme = self.scheme()
        found = self.problem(scheme)
        if found is not None:
            text, row = found
            self.error.setText(text)
            if row is not None:
                self.table.selectRow(row)
            return False
        assert self.state is not None
        if self.state.published and not self.confirm(
            fill(
                self.tr(
                    "本年度已有 %1 个单位的考核结果已发布。保存新方案不会改变已发布的结果，"
                    "重新发布后才按新方案更新。继续保存吗？"
                ),
                self.state.published,
            )
        ):
            return False
        try:  # the core's checks first, so a refusal is worded as the table names things
            validate_scheme(scheme)
        except InvalidInput as exc:
            self.error.setText(self._wording(exc))
            return False
        if operations(self.db).mutate(save_scheme, scheme, parent=self) is None:
            return False  # refused (a scheme from above, a storage fault): shown over the editor
        self.load(self.year)
        self.error.setStyleSheet("")
        self.error.setText(self.tr("考核方案已保存，得分将按新方案重新计算。"))
        self.saved.emit(self.year)
        return True

    def _ask(self, text: str) -> bool:
        answer = QMessageBox.question(self, self.tr("保存考核方案"), text)
        return answer == QMessageBox.StandardButton.Yes
