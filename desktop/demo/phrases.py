"""Reasons, notes and document wording the demo records use, and the minutes they print."""

from __future__ import annotations

from datetime import date

ABSENCE = (
    "参加市政府专题会议",
    "因公出差",
    "参加省里培训",
    "病假",
    "参加县委常委会",
    "接待上级检查",
)
DEFERRAL = (
    "涉及财政预算调整，待下一年度预算编制时研究",
    "相关政策尚在制定中，待上级文件出台后再议",
    "需进一步调研论证，条件成熟时提交",
    "与政府专项工作重叠，暂缓提交联席会议",
)
REJECTION = (
    "属于个别企业劳动争议，应通过劳动仲裁途径解决",
    "不属于联席会议研究范围",
    "工会自身可以解决，无需提交联席会议",
    "诉求已在现行政策中落实",
)
MEETING_CANCEL = (
    "主要领导临时有重要公务，会议另行安排",
    "防汛工作紧急，会议延期",
    "议题准备不充分，推迟召开",
)
ITEM_CANCEL = (
    "企业已进入破产清算程序，事项无法继续推进",
    "该事项已并入政府专项工作统一推进",
    "上级政策调整，事项不再执行",
)
EXTENSION = (
    "受财政资金拨付进度影响，需延期完成",
    "项目用地手续尚未办结",
    "企业生产任务重，计划顺延",
    "涉及多个部门协调，需延长办理时限",
)
EXTENSION_REFUSED = "延期理由不充分，请按原定时限办结"
SEND_BACK = (
    "反馈材料缺少佐证，职工满意度调查未开展",
    "完成数据与实地核查不符，请补充说明",
    "仅出台文件，尚未落实到位",
)
VERIFY = ("经督查组实地核查，事项已落实到位，职工满意", "资料齐全，完成既定目标", "现场验收合格")
FORMALITY = (
    "会前未开展调研，议题由镇政府临时确定，会议仅通报工作，未形成议定事项",
    "政府主要负责同志未到会，会议以工作汇报代替研究决策",
    "议题与职工诉求脱节，会议图形式、走过场",
)
NOT_ESTABLISHED = (
    "主要负责同志调整，制度文件尚未印发",
    "企业规模较小，尚未建立联席会议制度",
    "企业改制重组中，行政方代表尚未明确",
    "新组建工会，制度正在起草",
)
NOT_ADOPTED = (
    "属于个人劳动争议，已引导通过劳动仲裁途径解决",
    "建议内容已在现行政策中落实",
    "诉求超出工会和政府职责范围",
    "反映情况经核实与事实不符",
)
VETTING = (
    "经办公室扩大会研究论证，同意提交联席会议审议",
    "议题符合职工所盼、党政所需、工会所能，列入会议议题",
    "经研究，议题具体可行，工会单方面难以解决，提交联席会议",
)
CONSULTATION_AGREES = (
    "原则同意，建议明确资金来源和完成时限",
    "同意，将配合做好相关工作",
    "同意提交会议研究",
)
CONSULTATION_DOUBTS = "对资金来源有不同意见，建议分步实施"
RESEARCH_FINDINGS = "职工反映较为集中，企业经营者态度积极，需政府层面协调解决"
REPLY_ADOPTED = "您的建议已被采纳，列入联席会议议题研究，感谢您的关心和支持。"
REPLY_DONE = "您的建议经联席会议研究议定，现已办结落实，感谢您的关心和支持。"
REPLY_ONLY = "您反映的问题已转相关单位研究办理，我们将跟踪落实情况。"
# A topic the meeting did not turn into an agreed item: deferred (most) or refused, with why.
DEFERRED = (
    "暂缓：企业今年经营压力较大，待下半年经营状况好转后再行研究。",
    "暂缓：需进一步测算所需资金，由企业行政会同工会调研后提交下次会议研究。",
    "暂缓：涉及政策口径，待上级有关部门明确后再议。",
)
REFUSED = "不予通过：诉求超出企业现有条件，由工会做好职工解释工作。"
REPLY_FORWARDED = "您的建议已转{unit}研究办理，办理结果将及时告知您。"
REPLY_NOT_ADOPTED = "感谢您的建议。经研究，{reason}，暂不列入联席会议议题，我们将继续关注。"
NOTICE_REQUIREMENTS = {
    "reminder": "该事项已到办理时限，尚未办结，请于{d}前报送办理进展。",
    "supervision": "该事项已超过办理时限，请明确责任人，于{d}前书面报告办理情况及下一步措施。",
    "rectification": "请对照联席会议议定事项限期整改，于{d}前书面报告整改措施，整改期满报告整改结果。",
}
RECTIFY_WEAK = "议定事项推进缓慢，超过办理时限三个月仍未取得实质进展"
RECTIFY_LAYOFF = "违反联席会议议定的稳岗事项，借口企业不景气一次性裁员31名"
RECTIFY_LAYOFF_RESULT = "已召回职工28名，其余3名依法协商解除劳动合同并足额支付经济补偿"
RECTIFY_RESULT = "已制定整改方案，落实专人负责，事项已按要求推进"
WORKING_GROUPS = {
    "topics": "议题组",
    "materials": "材料组",
    "logistics": "会务组",
    "publicity": "宣传组",
    "supervision": "督查组",
}
NUMERALS = "一二三四五六七八九十"


def day_text(d: date) -> str:
    return f"{d.year}年{d.month}月{d.day}日"


def minutes_text(*, union: str, attendees: list[str], agenda: list[tuple[str, str]]) -> str:
    """The body of a 会议纪要: who met and what was decided on each topic, in order."""
    # The printed minutes open with date, place and chair themselves; the text goes on from there.
    lines = [
        f"{'、'.join(attendees)}等同志出席会议。会议听取了上次会议议定事项落实情况的汇报。"
        "现将会议议定事项纪要如下：",
    ]
    for i, (title, decision) in enumerate(agenda):
        lines.append(f"{NUMERALS[i % 10]}、关于{title}。{decision}")
    lines.append(
        f"会议要求，各牵头单位要按照议定事项明确的时限抓好落实，及时向{union}反馈办理进展。"
    )
    return "\n".join(lines)
