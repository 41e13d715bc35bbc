"""答复函: the letter to a worker on what became of the suggestion they made."""

from __future__ import annotations

from desktop.core.replies import ReplyLetterDoc
from desktop.reports.fonts import FontSet
from desktop.reports.formatting import cn_date
from desktop.reports.page import render
from desktop.reports.parts import addressees, body, heading, numbered, sentence, signature, title
from desktop.reports.story import Element, Story


def reply_letter_story(doc: ReplyLetterDoc) -> Story:
    """Title, the worker, what they suggested, what was done, the items and their state."""
    worker = f"{doc.worker}同志" if doc.worker else "职工同志"
    doc_title = "关于职工建议办理情况的答复函" if doc.final else "关于职工建议的答复函"
    made = f"您于{cn_date(doc.received_on)}{doc.channel}提出的建议"
    content = doc.content.strip().rstrip("。")
    elements: list[Element] = [
        *title(doc_title),
        *addressees((worker,)),
        body(f"{made}“{content}”收悉。感谢您对工会工作的关心和支持。现将办理情况答复如下："),
        body(doc.outcome),
    ]
    if doc.items:
        elements.append(heading(1, "联席会议议定事项及办理情况"))
        for number, item in enumerate(doc.items, 1):
            lead = f"牵头单位：{item.lead_unit}；" if item.lead_unit else ""
            closed = f"（{cn_date(item.closed_on)}办结）" if item.closed_on else ""
            text = sentence(item.text.rstrip("。"))
            elements.append(numbered(number, f"{text}{lead}办理情况：{item.state}{closed}。"))
    if doc.reply_text:
        if doc.items:
            elements.append(heading(2, "答复意见"))
        elements.append(body(sentence(doc.reply_text.strip())))
    closing = (
        "您提出的建议已办理完毕。" if doc.final else "我们将继续跟踪办理，有新的进展再告知您。"
    )
    elements.append(body(closing + "如有疑问，欢迎与我们联系。"))
    elements.append(signature(doc.office, doc.dated))
    return Story(doc_title, doc.office, tuple(elements))


def build_reply_letter(doc: ReplyLetterDoc, fonts: FontSet | None = None) -> bytes:
    """The reply letter as PDF bytes."""
    return render(reply_letter_story(doc), fonts)
