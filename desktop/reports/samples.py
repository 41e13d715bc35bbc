"""Demo documents from Binhai county for tests, the report self-check and `python -m` renders."""

from __future__ import annotations

import statistics
import sys
from datetime import date, time
from pathlib import Path

from desktop.core.assessment.charts import (
    AssessmentCharts,
    Bar,
    QuarterRates,
    TrendYear,
    score_distribution,
)
from desktop.core.document_dto import (
    AgreedItemEntry,
    AssessmentResultsDoc,
    AssessmentRow,
    Attendee,
    BulletinDoc,
    BulletinRow,
    Consultation,
    Contact,
    Criticism,
    DocHeader,
    Document,
    Imprint,
    Indicator,
    MeetingNoticeDoc,
    MinutesDoc,
    MinutesTopic,
    PreviousItemStatus,
    ReconveneNoticeDoc,
    RectificationDoc,
    ReminderDoc,
    ResearchVisit,
    StatisticsDoc,
    StatisticsRow,
    SupervisedItem,
    SupervisionNoticeDoc,
    VettingFormDoc,
)
from desktop.models.enums import Level
from desktop.reports.documents import build_document

COUNTY_UNION = "滨海县总工会"
UNION_OFFICE = "滨海县总工会办公室"
CONTACT = Contact("王丽", "0515-84212345")

ITEMS = (
    AgreedItemEntry(
        "将劳动竞赛奖金列入政府年度奖励基金，对在重点工程劳动竞赛中表现突出的集体和个人给予表彰奖励",
        "县财政局",
        ("县人力资源和社会保障局", "县总工会"),
        date(2024, 6, 30),
        "每年安排奖励资金不少于200万元",
    ),
    AgreedItemEntry(
        "县长担任全县劳动竞赛领导小组组长，各镇区主要负责人为成员",
        "县人民政府办公室",
        ("县总工会",),
        date(2024, 4, 15),
    ),
    AgreedItemEntry(
        "将工资集体协商工作纳入各镇区、各部门年度绩效考核，推动企业建立工资正常增长机制",
        "县人力资源和社会保障局",
        ("县总工会", "县工商业联合会", "县企业联合会"),
        date(2024, 12, 31),
        "工资集体协商覆盖率达到93%，826家企业职工工资增幅不低于8%",
    ),
    AgreedItemEntry(
        "妥善安置停产企业职工1126人，依法补缴社会保险费，落实再就业培训和岗位推荐",
        "县人力资源和社会保障局",
        ("县财政局", "县工业和信息化局", "县总工会", "滨淮镇人民政府"),
        date(2024, 9, 30),
    ),
    AgreedItemEntry(
        "镇工会经费列入镇财政预算，每年30万元，专款用于职工服务阵地建设和困难职工帮扶",
        "蔡桥镇人民政府",
        ("县财政局", "蔡桥镇总工会"),
        date(2024, 5, 31),
    ),
    AgreedItemEntry(
        "为坎北街道总工会解决300平方米办公和职工活动用房",
        "坎北街道办事处",
        ("县机关事务管理局",),
        date(2024, 8, 31),
    ),
)

TOPICS = (
    MinutesTopic(
        "关于将劳动竞赛奖金列入政府年度奖励基金的议题",
        "会议认为，劳动竞赛是动员广大职工建功立业的有效载体。近年来全县各级工会组织"
        "开展重点工程劳动竞赛，有力推动了项目建设，但奖励资金来源不稳定，影响了竞赛的"
        "持续开展。会议同意从2024年起将劳动竞赛奖金列入政府年度奖励基金，由县长担任"
        "劳动竞赛领导小组组长，具体办法由县财政局会同县人力资源和社会保障局、县总工会制定。",
    ),
    MinutesTopic(
        "关于将工资集体协商纳入政府绩效考核的议题",
        "会议听取了县总工会关于工资集体协商工作情况的汇报。2023年全县工资集体协商覆盖率"
        "达到93%，稳定就业岗位4593个，826家企业职工工资增幅达到或超过8%。会议要求，"
        "各镇区、各部门要把工资集体协商作为构建和谐劳动关系的重要抓手，"
        "将其纳入年度绩效考核，考核结果作为评先评优的重要依据。",
    ),
    MinutesTopic(
        "关于停产企业职工安置的议题",
        "会议研究了滨淮镇某纺织企业停产后1126名职工的安置问题。会议强调，要坚持“先安置、"
        "后处置”的原则，依法保障职工合法权益，不得以企业不景气为由随意裁员，"
        "确保职工队伍稳定。",
    ),
    MinutesTopic(
        "关于基层工会经费保障和阵地建设的议题",
        "会议同意将蔡桥镇工会经费列入镇财政预算，每年30万元；坎北街道为街道总工会解决"
        "300平方米办公和职工活动用房。其他镇区参照执行，具体由各镇区人民政府（办事处）落实。",
    ),
)

PREVIOUS = (
    PreviousItemStatus(
        "建立职工法律援助工作站", "县司法局", "已办结", "全县已建成法律援助工作站12个。"
    ),
    PreviousItemStatus(
        "开展农民工工资支付专项检查",
        "县人力资源和社会保障局",
        "已办结",
        "共追发拖欠工资2368万元，涉及职工4107人。",
    ),
    PreviousItemStatus(
        "新建户外劳动者服务站点20个", "县总工会", "正在办理", "已建成16个，其余4个6月底前完成。"
    ),
)


def sample_minutes() -> MinutesDoc:
    return MinutesDoc(
        banner="滨海县人民政府与县总工会联席会议纪要",
        number_line="第3期",
        issued_by=UNION_OFFICE,
        issued_on=date(2024, 3, 8),
        meeting_title="滨海县人民政府与县总工会2024年第一次联席会议",
        meeting_date=date(2024, 3, 5),
        place="县政府第一会议室",
        chair="县长张建华",
        intro=(
            "会议听取了县总工会关于2023年度工会工作和联席会议议定事项落实情况的汇报，"
            "研究了职工群众普遍关心的劳动竞赛奖励、工资集体协商、停产企业职工安置和"
            "基层工会经费保障等问题。现将会议议定事项纪要如下："
        ),
        topics=TOPICS,
        items=ITEMS,
        previous_summary=(
            "2023年县政府与县总工会联席会议共议定事项8项，已办结6项，正在办理2项，按期办结率75.0%。"
        ),
        previous_items=PREVIOUS,
        attended=(
            Attendee("张建华", "县人民政府", "县长"),
            Attendee("李明", "县人民政府", "副县长"),
            Attendee("陈志刚", "县总工会", "主席"),
            Attendee("周红", "县总工会", "副主席"),
            Attendee("刘永", "县财政局", "局长"),
            Attendee("孙强", "县人力资源和社会保障局", "局长"),
            Attendee("吴海波", "县工业和信息化局", "副局长"),
        ),
        absent=(Attendee("赵立新", "县发展和改革委员会", "主任", "外出学习"),),
        sat_in=(
            Attendee("钱伟", "蔡桥镇总工会", "主席"),
            Attendee("郑芳", "坎北街道总工会", "主席"),
        ),
        imprint=Imprint(
            UNION_OFFICE,
            date(2024, 3, 8),
            ("县委办公室", "县人大常委会办公室", "县政协办公室", "各镇区人民政府（办事处）"),
            copy_label="分送",
        ),
    )


TOWNS = (
    "滨淮镇",
    "天场镇",
    "五汛镇",
    "蔡桥镇",
    "正红镇",
    "通榆镇",
    "界牌镇",
    "八巨镇",
    "八滩镇",
    "滨海港镇",
    "陈涛镇",
    "东坎街道",
    "坎北街道",
    "坎南街道",
    "滨海经济开发区",
)
COPY_TO = ("县委办公室", "县人大常委会办公室", "县人民政府办公室", "县政协办公室")


def _header(number: int, day: date) -> DocHeader:
    return DocHeader(COUNTY_UNION, f"滨工联〔{day.year}〕{number}号", day)


def _imprint(day: date, copy_to: tuple[str, ...] = COPY_TO) -> Imprint:
    return Imprint(UNION_OFFICE, day, copy_to)


def sample_meeting_notice() -> MeetingNoticeDoc:
    day = date(2024, 2, 26)
    return MeetingNoticeDoc(
        header=_header(3, day),
        title="关于召开滨海县人民政府与县总工会2024年第一次联席会议的通知",
        addressees=("县人民政府办公室", "县财政局", "县人力资源和社会保障局", "各镇区总工会"),
        intro=(
            "经县人民政府同意，定于近期召开县人民政府与县总工会2024年第一次联席会议，"
            "研究解决职工群众普遍关心的热点难点问题。现将有关事项通知如下："
        ),
        meeting_date=date(2024, 3, 5),
        starts_at=time(9, 0),
        place="县政府第一会议室（县行政中心三楼）",
        participants=(
            "县人民政府县长、分管副县长",
            "县总工会主席、副主席",
            "县财政局、县人力资源和社会保障局、县工业和信息化局、县发展和改革委员会主要负责人",
            "蔡桥镇、坎北街道总工会主席列席会议",
        ),
        topics=(
            "关于将劳动竞赛奖金列入政府年度奖励基金的议题",
            "关于将工资集体协商纳入政府绩效考核的议题",
            "关于停产企业职工安置的议题",
            "关于基层工会经费保障和阵地建设的议题",
        ),
        requirements=(
            "请各参会单位主要负责人准时参会，确因特殊情况不能参会的，请提前向县总工会办公室请假",
            "请县财政局、县人力资源和社会保障局于3月1日前将议题相关情况说明书面报送县总工会",
            "请参会人员提前10分钟到达会场，会议期间将手机调至静音状态",
        ),
        contact=CONTACT,
        imprint=_imprint(day),
    )


def sample_supervision_notice() -> SupervisionNoticeDoc:
    day = date(2024, 3, 15)
    return SupervisionNoticeDoc(
        header=_header(8, day),
        title="关于督办县人民政府与县总工会2024年第一次联席会议议定事项的通知",
        lead_unit="县人力资源和社会保障局",
        meeting_title="县人民政府与县总工会2024年第一次联席会议",
        meeting_date=date(2024, 3, 5),
        items=tuple(
            SupervisedItem(i.text, i.cooperating_units, i.deadline, i.target)
            for i in ITEMS
            if i.lead_unit == "县人力资源和社会保障局"
        ),
        requirements=(
            "高度重视，主要负责人亲自过问，明确分管领导和具体责任人，制定落实方案",
            "每月25日前向县总工会督查组报送一次办理进展，重要情况随时报告",
            "对推进不力、走形式走过场的，县总工会将会同县政府督查室限期整改，必要时通报批评",
        ),
        feedback_deadline=date(2024, 4, 10),
        contact=CONTACT,
        imprint=_imprint(day, ("县人民政府督查室",)),
    )


def sample_reminder() -> ReminderDoc:
    return ReminderDoc(
        issuing_office="滨海县总工会督查组",
        number="催办〔2024〕5号",
        issued_on=date(2024, 6, 12),
        lead_unit="蔡桥镇人民政府",
        meeting_title="县人民政府与县总工会2024年第一次联席会议",
        item_text="镇工会经费列入镇财政预算，每年30万元，专款用于职工服务阵地建设和困难职工帮扶",
        assigned_on=date(2024, 3, 15),
        deadline=date(2024, 5, 31),
        working_days_overdue=8,
        progress="4月18日反馈已列入镇财政预算调整方案，此后未再反馈，经费尚未拨付到位。",
        request="请抓紧落实经费拨付，说明逾期原因和下一步措施",
        reply_by=date(2024, 6, 19),
        contact=CONTACT,
    )


def sample_rectification() -> RectificationDoc:
    day = date(2024, 7, 8)
    return RectificationDoc(
        header=_header(15, day),
        title="关于限期整改违反联席会议议定事项裁员问题的通知",
        addressee="滨海县某纺织有限公司",
        basis=(
            "县人民政府与县总工会2024年第一次联席会议议定，坚持“先安置、后处置”的原则，"
            "企业不得以经营困难为由随意裁员，切实保障职工就业岗位。"
        ),
        problem=(
            "经县总工会督查组实地核查，你公司以企业不景气为由，于2024年6月一次性裁减职工"
            "31名，未按规定提前30日向工会说明情况、听取工会和职工意见，未依法支付经济补偿，"
            "违反了联席会议保岗位的议定事项。"
        ),
        requirements=(
            "立即停止违规裁员行为，与被裁减职工逐一协商，依法恢复劳动关系或支付经济补偿",
            "召开职工代表大会，向职工说明企业经营状况，听取职工意见",
            "建立健全裁员前向工会通报、听取意见的制度",
        ),
        rectification_deadline=date(2024, 8, 8),
        report_to="县总工会督查组",
        contact=CONTACT,
        imprint=_imprint(day, ("县人力资源和社会保障局", "县工业和信息化局", "滨淮镇总工会")),
    )


def _bulletin_row(unit: str, rows: list[BulletinRow]) -> BulletinRow:
    return BulletinRow(
        unit,
        sum(r.items_due for r in rows),
        sum(r.items_done for r in rows),
        sum(r.done_on_time for r in rows),
        sum(r.overdue for r in rows),
        sum(r.overdue_from_before for r in rows),
        max((r.max_working_days_late for r in rows), default=0),
        sum(r.failed_rectifications for r in rows),
    )


def sample_reconvene() -> ReconveneNoticeDoc:
    """重开通知 to a town whose meeting was held only for form (four towns in Binhai's year)."""
    day = date(2024, 7, 22)
    return ReconveneNoticeDoc(
        header=DocHeader(COUNTY_UNION, f"滨工联重〔{day.year}〕2号", day),
        title="关于重新召开五汛镇政府与工会联席会议的通知",
        addressees=("五汛镇总工会", "五汛镇人民政府"),
        meeting_title="五汛镇人民政府与镇总工会2024年第一次联席会议",
        meeting_date=date(2024, 6, 18),
        reason="会议议题未经调研和办公室会议审定，未形成可落实的议定事项，会议流于形式",
        reconvene_by=date(2024, 8, 31),
        requirements=(
            "会前深入企业和职工开展调研，征集职工群众普遍关心的议题，提交镇总工会办公室会议审定",
            "县总工会将派员参加会议，并协助确定议题",
            "会后15日内将会议纪要报送县总工会",
        ),
        contact=CONTACT,
        imprint=_imprint(day, ("县人民政府督查室",)),
    )


def sample_bulletin() -> BulletinDoc:
    # Town: items due, done, done on time, working days the latest one is late, failed orders.
    figures = (
        (5, 5, 5, 0, 0),
        (4, 4, 3, 2, 0),
        (6, 3, 2, 12, 1),
        (5, 5, 5, 0, 0),
        (4, 3, 3, 3, 0),
        (4, 4, 4, 0, 0),
        (5, 3, 2, 15, 1),
        (3, 3, 2, 1, 0),
        (5, 5, 5, 0, 0),
        (4, 3, 2, 6, 0),
        (4, 4, 3, 1, 0),
        (5, 4, 4, 4, 0),
        (4, 4, 4, 0, 0),
        (3, 2, 2, 7, 0),
        (3, 3, 3, 0, 0),
    )
    every = [
        BulletinRow(town, due, done, on_time, due - done, 0, late, failed)
        for town, (due, done, on_time, late, failed) in zip(TOWNS, figures, strict=True)
    ]
    rows = tuple(r for r in every if r.overdue or r.failed_rectifications)
    rest = [r for r in every if r not in rows]
    return BulletinDoc(
        banner="督查通报",
        issue_number=3,
        compiled_by="滨海县总工会督查组",
        issued_on=date(2024, 9, 30),
        title="关于2024年第三季度镇区联席会议议定事项落实情况的通报",
        period_start=date(2024, 7, 1),
        period_end=date(2024, 9, 25),
        totals=_bulletin_row("合计", every),
        others=_bulletin_row("其他镇区", rest) if rest else None,
        other_units=len(rest),
        intro=(
            "根据《滨海县政府与工会联席会议考核意见》，县总工会会同县政府督查室于9月中下旬"
            "对各镇区联席会议议定事项落实情况进行了督查。全县37次镇区联席会议共议定事项64项，"
            "截至9月25日已办结55项，办结率85.9%。现将有关情况通报如下："
        ),
        rows=rows,
        commended=("蔡桥镇", "坎北街道", "八滩镇", "滨海经济开发区"),
        criticized=(
            Criticism("五汛镇", "联席会议议题未经调研和办公室会议审定，会议流于形式，责令重新召开"),
            Criticism("界牌镇", "2项议定事项逾期未办结，且未按要求反馈办理进展"),
        ),
        closing=(
            "各镇区要对照通报查找不足，对逾期未办结事项逐项明确责任人和完成时限，"
            "于10月20日前将整改情况报送县总工会督查组。",
        ),
        imprint=Imprint(
            UNION_OFFICE,
            date(2024, 9, 30),
            ("县委办公室", "县人民政府办公室", "各镇区总工会"),
            "报送",
        ),
    )


def _sample_charts(rows: tuple[AssessmentRow, ...]) -> AssessmentCharts:
    """The attached charts' figures for the sample circular (the core computes them from a
    scorecard; here they follow the sample's rows)."""
    names = {n: row.unit for n, row in enumerate(rows, 1)}
    totals = {n: row.total for n, row in enumerate(rows, 1)}
    trend = tuple(
        TrendYear(
            year,
            len(totals),
            round(statistics.fmean(totals.values()) - shift, 2),
            round(statistics.median(totals.values()) - shift, 2),
            {n: t - shift for n, t in totals.items()},
        )
        for year, shift in ((2022, 9.5), (2023, 4.0), (2024, 0.0))
    )
    return AssessmentCharts(
        2024,
        date(2024, 12, 31),
        len(rows),
        score_distribution(list(totals.values())),
        tuple(Bar(n, row.unit, row.rank, row.total) for n, row in enumerate(rows, 1)),
        (),
        trend,
        names,
        (
            QuarterRates(Level.TOWNSHIP, (None, 91.7, None, 100.0), (0, 12, 0, 12), (0, 11, 0, 12)),
            QuarterRates(
                Level.ENTERPRISE,
                (78.4, 85.2, 88.0, 93.1),
                (250, 250, 250, 250),
                (196, 213, 220, 233),
            ),
        ),
    )


def sample_assessment() -> AssessmentResultsDoc:
    indicators = (
        Indicator("建制情况", 10),
        Indicator("会议召开", 30),
        Indicator("议题质量", 20),
        Indicator("事项落实", 40),
    )
    rows = tuple(
        AssessmentRow(
            rank,
            town,
            98.5 - 2.5 * rank + 2.5,
            None if town == "滨海经济开发区" else round(1.5 - 0.5 * rank, 1),
            (10, 30 - (rank > 6) * 2, 20 - rank * 0.5, 40 - (rank > 3) * rank * 0.5 - 1.5),
        )
        for rank, town in enumerate(TOWNS[:12], 1)
    )
    day = date(2025, 1, 20)
    return AssessmentResultsDoc(
        charts=_sample_charts(rows),
        header=_header(2, day),
        title="关于2024年度政府与工会联席会议工作考核结果的通报",
        addressees=("各镇区总工会", "县各产业工会"),
        intro=(
            "根据县总工会与各镇区总工会签订的联席会议目标责任书和《滨海县政府与工会联席会议"
            "考核意见》，县总工会对各镇区2024年度联席会议工作进行了考核。现将考核结果通报如下："
        ),
        indicators=indicators,
        rows=rows,
        commended=("蔡桥镇", "坎北街道", "八滩镇"),
        criticized=(Criticism("五汛镇", "全年仅召开1次联席会议，未达到每年2次的要求"),),
        closing=("希望受到表扬的单位再接再厉，受到批评的单位认真整改，切实提高联席会议实效。",),
        imprint=_imprint(day),
    )


def sample_vetting_form() -> VettingFormDoc:
    return VettingFormDoc(
        office=COUNTY_UNION,
        title="联席会议议题审定表",
        number="2024-07",
        filled_on=date(2024, 2, 20),
        topic="关于将劳动竞赛奖金列入政府年度奖励基金的议题",
        source="职工建议（微信）、县总工会调研",
        proposer="县总工会经济技术部",
        proposed_on=date(2024, 1, 8),
        research=(
            ResearchVisit(
                date(2024, 1, 16),
                "滨海港工业园区重点工程项目部",
                "副主席周红、经济技术部部长",
                "职工参赛积极性高，但奖励资金没有稳定来源",
            ),
            ResearchVisit(
                date(2024, 1, 23),
                "县总工会会议室（企业工会干部、经营管理者、职工代表座谈会）",
                "企业工会主席12人、职工代表20人",
                "建议由政府设立专项奖励资金",
            ),
        ),
        office_meeting_on=date(2024, 2, 2),
        office_meeting_decision="同意列为县政府与县总工会2024年第一次联席会议议题，由周红副主席负责与县财政局、县人社局沟通",
        consultations=(
            Consultation("县财政局", date(2024, 2, 6), "原则同意，建议每年安排不少于200万元"),
            Consultation(
                "县人力资源和社会保障局", date(2024, 2, 7), "同意，表彰办法由我局会同县总工会制定"
            ),
        ),
        signature_roles=("分管副主席意见", "主席审定意见"),
    )


def sample_statistics() -> StatisticsDoc:
    # Town: meetings required, held; items, done, done on time.
    figures = (
        (2, 2, 5, 5, 5),
        (2, 2, 4, 4, 3),
        (2, 1, 6, 3, 2),
        (2, 3, 5, 5, 5),
        (2, 2, 4, 3, 3),
        (2, 2, 4, 4, 4),
        (2, 2, 5, 3, 2),
        (2, 2, 3, 3, 2),
        (2, 3, 5, 5, 5),
        (2, 2, 4, 3, 2),
        (2, 2, 4, 4, 3),
        (2, 2, 5, 4, 4),
        (2, 3, 4, 4, 4),
        (2, 2, 3, 2, 2),
        (2, 2, 3, 3, 3),
    )
    rows = tuple(StatisticsRow(town, *row) for town, row in zip(TOWNS, figures, strict=True))
    return StatisticsDoc(
        title="2024年度滨海县政府与工会联席会议统计表",
        compiled_by=COUNTY_UNION,
        year=2024,
        compiled_on=date(2025, 1, 10),
        rows=rows,
        note="召开率＝实际召开次数÷应召开次数；办结率、按期办结率以议定事项数为基数。",
    )


def sample_documents() -> dict[str, Document]:
    """One realistic document of every kind, keyed by a file-name stem."""
    return {
        "minutes": sample_minutes(),
        "meeting_notice": sample_meeting_notice(),
        "supervision_notice": sample_supervision_notice(),
        "reminder": sample_reminder(),
        "rectification": sample_rectification(),
        "bulletin": sample_bulletin(),
        "assessment": sample_assessment(),
        "vetting_form": sample_vetting_form(),
        "statistics": sample_statistics(),
    }


def main(argv: list[str]) -> int:
    """Write every sample document as PDF into the folder given."""
    out = Path(argv[0]) if argv else Path(".")
    out.mkdir(parents=True, exist_ok=True)
    for stem, doc in {**sample_documents(), "reconvene": sample_reconvene()}.items():
        (out / f"{stem}.pdf").write_bytes(build_document(doc))
        print(out / f"{stem}.pdf")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
