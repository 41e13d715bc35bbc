"""Topic themes with their suggestions, decisions, agreed items and targets, after the sources."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Theme:
    """One recurring subject of joint meetings, from a worker's words to a measurable target.

    `lead` and `cooperating` are role keys a meeting resolves to units: "partner" (the
    government, enterprise or association across the table), "union" (the union that meets),
    a department key of names.DEPARTMENTS, "township_gov", "enterprise" or "federation".
    `item` and `target` take the target number as {n}; `jitter` varies it between places.
    """

    area: str
    title: str
    suggestions: tuple[str, ...]
    decision: str
    item: str
    lead: str
    cooperating: tuple[str, ...]
    target: str
    number: float
    unit: str
    figure: str
    jitter: bool = True


# One theme per block: title; "· " worker suggestions; decision; agreed item; lead and
# cooperating roles; "target; number; unit; feedback figure[; sourced]".

# County government and county federation: the Binhai and Chengde decisions keep their real
# figures ("sourced": not varied between places).
COUNTY = """
重点工程劳动竞赛奖金列入政府年度奖励基金
· 建议把劳动竞赛奖金列入政府年度奖励基金，让参赛职工的奖励有保障。
· 我们参加了县里的劳动竞赛，奖金迟迟不到位，希望政府统一安排。
· 建议加大对劳动竞赛先进个人的物质奖励力度。
同意将重点工程劳动竞赛所需奖金列入县政府年度奖励基金，由县财政局会同县总工会制定发放办法。
将重点工程劳动竞赛所需奖金{n}万元列入县政府年度奖励基金
finance union hrss
劳动竞赛奖励资金{n}万元足额到位; 200; 万元; 奖励资金到位; sourced

劳动竞赛领导小组由县长担任组长
· 建议县长亲自挂帅劳动竞赛，提高竞赛规格。
· 希望以县政府名义表彰劳动竞赛先进集体和个人。
同意由县长担任劳动竞赛领导小组组长，每年以县政府名义评选表彰劳动竞赛先进集体和先进个人。
由县长担任重点工程劳动竞赛领导小组组长，每年以县政府名义表彰先进集体和个人{n}个
office union hrss
每年表彰先进集体和个人{n}个; 100; 个; 表彰先进集体和个人; sourced

将工资集体协商纳入政府绩效考核
· 我们企业几年没有涨工资了，建议把工资集体协商纳入对镇区的考核。
· 建议政府督促企业开展工资集体协商，不要走过场。
· 希望集体协商能覆盖到小微企业。
同意将工资集体协商工作纳入全县总体工作考核，由县人社局牵头推进。
将工资集体协商纳入全县总体工作考核，集体协商建制率达到{n}%
hrss union miit
集体协商建制率达到{n}%; 93; %; 集体协商建制率; sourced

停产企业职工安置
· 我们厂停产半年了，职工工资和社保怎么办？
· 建议政府帮助停产企业职工再就业。
· 希望对停产企业职工开展转岗培训。
专题会办停产企业职工安置工作，由县人社局牵头，县财政局、相关镇政府配合，妥善安置分流职工。
专题会办停产企业职工安置，合理安置分流职工{n}名
hrss finance township_gov union
安置分流职工{n}人; 1126; 人; 安置职工; sourced

推动企业职工工资正常增长
· 物价涨了，建议政府发布工资增长指导线并督促企业执行。
· 希望企业按指导线给一线职工涨工资。
同意推动企业按工资增长指导线为职工增长工资，纳入和谐劳动关系企业评选条件。
推动{n}家企业按工资增长指导线为职工增长工资8%以上
hrss union miit
{n}家企业工资增长8%以上; 826; 家; 增资企业; sourced

落实援企稳岗政策稳定就业
· 建议对不裁员的企业给予稳岗补贴。
· 希望政府帮助困难企业渡过难关，不要让职工失业。
同意落实援企稳岗政策，县人社局负责稳岗返还资金及时拨付。
落实援企稳岗政策，稳定就业岗位{n}个
hrss finance miit
稳定就业岗位{n}个; 4593; 个; 稳定就业岗位; sourced

县职工综合服务中心建设
· 建议建设职工综合服务中心，提供法律援助和技能培训。
· 县里缺少职工活动的场所。
同意推进县职工综合服务中心建设，由县住建局负责规划选址，县财政局保障建设资金。
推进县职工综合服务中心建设，建筑面积不少于{n}平方米
housing finance union
建成职工综合服务中心{n}平方米; 2000; 平方米; 建成面积; sourced

困难职工帮扶资金列入财政预算
· 困难职工看病负担重，建议加大帮扶力度。
· 希望金秋助学覆盖更多困难职工子女。
同意县财政每年安排困难职工帮扶救助资金，列入年度预算。
县财政每年安排困难职工帮扶救助资金{n}万元
finance union civil
帮扶救助资金{n}万元到位; 300; 万元; 帮扶资金到位; sourced

户外劳动者服务站点建设
· 环卫工人和快递小哥夏天没有地方喝水休息。
· 建议在城区多建几个户外劳动者驿站。
同意将户外劳动者服务站点纳入城市建设统一规划。
将户外劳动者服务站点纳入城市建设统一规划，年内建成{n}个
housing union transport
建成户外劳动者服务站点{n}个; 30; 个; 建成站点

重点行业安全生产隐患排查
· 我们化工园区有的车间通风不好，建议加强安全检查。
· 建筑工地高空作业防护不到位。
同意在重点行业开展安全生产隐患排查，工会劳动保护监督检查员参与。
在化工、建筑等重点行业开展安全生产隐患排查，覆盖企业{n}家
safety union market
排查企业{n}家; 200; 家; 排查企业

劳动争议多元化解
· 劳动仲裁排队时间长，建议在镇里设立调解室。
· 希望工会为职工提供免费法律援助。
同意在各镇（区、街道）建立劳动争议调解工作室，县司法局负责业务指导。
在各镇（区、街道）建立劳动争议调解工作室{n}个
justice hrss union
建成调解工作室{n}个; 25; 个; 建成调解工作室

产业工人以技提薪
· 技术工人考了证工资也没变化，建议技能和工资挂钩。
· 希望推广能级工资制度。
同意开展以技提薪能级工资集体协商，县人社局、县工信局配合县总工会推进。
开展以技提薪能级工资集体协商，覆盖规模以上企业{n}家
hrss miit union
开展能级工资协商企业{n}家; 50; 家; 开展能级工资协商企业

农民工工资支付保障
· 工地上老板拖欠工资，建议政府管一管。
· 建议所有在建项目都开设农民工工资专户。
同意在建工程项目全面落实农民工工资专用账户制度。
在建工程项目落实农民工工资专用账户制度，覆盖项目{n}个
housing hrss union
落实工资专户项目{n}个; 120; 个; 落实专用账户项目
"""

# Party committee and county federation.
PARTY = """
将工会工作纳入年度目标考核
· 建议把联席会议议定事项落实情况纳入对镇区的考核。
同意将工会工作和联席会议议定事项落实情况纳入县委对各镇（区、街道）年度目标考核。
将联席会议议定事项落实情况纳入年度目标考核，设置考核分值{n}分
partner union
考核分值{n}分; 3; 分; 考核分值; sourced

配强镇（区、街道）工会工作力量
· 镇工会只有兼职干部，工作忙不过来。
· 建议每个镇配一名专职工会干部。
同意明确各镇（区、街道）党委副书记任工会工作协调员，配齐专职工会干部。
明确镇（区、街道）党委副书记任工会工作协调员，配齐专职工会干部{n}名
partner union
配齐专职工会干部{n}名; 25; 名; 配齐专职干部

推进产业工人队伍建设改革
· 建议评选县级工匠，给技术工人更多荣誉。
同意制定产业工人队伍建设改革实施方案，每年评选县级工匠。
制定产业工人队伍建设改革实施方案，培养县级工匠{n}名
partner hrss union
培养县级工匠{n}名; 50; 名; 培养县级工匠
"""

# Township (street) government and township union.
TOWNSHIP = """
镇工会经费纳入镇财政预算
· 镇工会没有经费，活动开展不起来。
· 建议镇政府给工会安排工作经费。
同意将镇工会工作经费纳入镇财政预算，按年度足额拨付。
将镇工会工作经费纳入镇财政预算，每年安排{n}万元
partner union
每年安排工会经费{n}万元; 30; 万元; 经费到位

解决工会活动阵地不足
· 职工下班后没有活动的地方。
· 工会办公室太小，建议解决办公用房。
同意在新时代文明实践站添加工会元素，解决职工活动和工会办公用房。
在新时代文明实践站添加工会元素，解决职工活动和工会办公用房{n}平方米
partner union
解决用房{n}平方米; 300; 平方米; 落实用房

整顿薄弱工会组织
· 村里的工会有名无实，建议加强。
同意由村党总支书记兼任村工会主席，整顿薄弱工会组织。
由村党总支书记兼任村工会主席，整顿薄弱工会组织{n}家
partner union
整顿薄弱工会{n}家; 7; 家; 整顿薄弱工会

推进小微企业民主管理
· 小厂子从来不开职工代表大会。
· 建议在小微企业推行厂务公开。
同意在辖区小微企业推行厂务公开和职工代表大会制度。
在辖区小微企业推行厂务公开和职代会制度，覆盖企业{n}家
union partner
民主管理建制企业{n}家; 40; 家; 建制企业

为职工兴办实事
· 建议镇里为职工多办几件实事。
· 希望解决工业园区职工就餐难问题。
同意年内为职工兴办一批实事，由镇政府统筹安排资金。
年内为职工兴办实事{n}件
partner union
兴办实事{n}件; 13; 件; 兴办实事

开展“发挥聪明才智，促进转型升级”竞赛
· 建议组织技术比武，让技术工人有展示的舞台。
· 希望开展岗位创新竞赛。
同意开展“发挥聪明才智，促进转型升级”竞赛活动，镇政府安排奖励资金。
开展“发挥聪明才智，促进转型升级”竞赛，推动技术工人研发新产品{n}项
union partner enterprise
研发新产品{n}项; 47; 项; 研发新产品

职工之家和职工书屋建设
· 建议在园区建职工书屋。
· 希望有个职工之家可以活动。
同意建设镇级职工之家和企业职工书屋。
建成镇级职工之家和企业职工书屋{n}个
union partner
建成职工之家和书屋{n}个; 5; 个; 建成职工之家

农民工工资清欠
· 老板欠了我们三个月工资。
· 建议镇里成立清欠专班。
同意成立农民工工资清欠专班，由镇政府牵头督促企业清偿。
督促辖区企业清偿拖欠农民工工资{n}万元
partner union hrss
清偿拖欠工资{n}万元; 150; 万元; 清偿工资

职工子女寒暑假托管
· 寒暑假孩子没人带，建议工会办托管班。
同意开办职工子女寒暑假托管班，镇政府提供场地。
开办职工子女寒暑假托管班，服务职工子女{n}名
union partner
托管职工子女{n}名; 120; 名; 托管职工子女

辖区企业工资集体协商
· 我们厂工资多年不变，建议开展集体协商。
同意推进辖区企业工资集体协商，纳入对企业的年度评价。
推进辖区企业工资集体协商，建制率达到{n}%
union partner hrss
集体协商建制率{n}%; 90; %; 集体协商建制率
"""

# Enterprise administration and enterprise union.
ENTERPRISE = """
安全生产和劳动防护
· 车间的防护口罩质量差，建议更换。
· 建议定期开展安全培训。
· 夜班照明不足，存在安全隐患。
同意更新车间劳动防护用品，开展全员安全培训。
更新车间劳动防护用品，开展全员安全培训{n}人次
partner union
安全培训{n}人次; 200; 人次; 安全培训

职工技能培训
· 希望公司组织技能培训，考证费用能报销。
· 建议技能等级和岗位工资挂钩。
同意组织职工技能培训，技能等级提升与岗位工资挂钩。
组织职工技能培训{n}人次，技能等级提升与岗位工资挂钩
partner union
技能培训{n}人次; 150; 人次; 技能培训

年度工资集体协商
· 今年效益不错，建议给一线职工涨工资。
· 希望工资协商结果向职工公开。
同意开展年度工资集体协商，协商结果向全体职工公开。
开展年度工资集体协商，职工工资增长不低于{n}%
partner union
职工工资增长{n}%; 8; %; 工资增长

高温津贴发放
· 夏天车间温度很高，建议按时发放高温津贴。
· 高温天气建议调整作息时间。
同意按标准发放高温津贴，高温时段调整作息。
按标准发放高温津贴，每人每月{n}元
partner union
高温津贴每人每月{n}元; 300; 元; 高温津贴标准

改善职工食堂
· 食堂饭菜价格涨了，建议公司增加餐费补贴。
· 夜班职工吃不上热饭。
同意改善职工食堂，提高餐费补贴，增设夜班餐。
改善职工食堂，每人每天餐费补贴提高到{n}元
partner union
餐费补贴{n}元; 15; 元; 餐费补贴

职工通勤班车
· 厂区离城区远，建议开通班车。
同意开通职工通勤班车。
开通职工通勤班车{n}条线路
partner union
开通班车线路{n}条; 3; 条; 开通线路

合理化建议征集
· 我有一个改进工序的办法，希望有渠道提出来。
同意开展“金点子”合理化建议征集，采纳的建议给予奖励。
开展“金点子”合理化建议征集，采纳职工建议{n}条
union partner
采纳职工建议{n}条; 30; 条; 采纳建议

稳定职工队伍不裁员
· 听说公司要裁员，职工人心惶惶。
· 建议公司困难时期通过轮岗、培训稳定岗位。
同意企业困难时期不裁员或少裁员，通过轮岗、培训稳定职工队伍。
保持职工队伍稳定，不裁员或少裁员，在岗职工不少于{n}人
partner union
在岗职工不少于{n}人; 150; 人; 在岗职工

落实带薪年休假
· 公司的年休假一直休不了。
同意落实职工带薪年休假制度，生产旺季错峰安排。
落实职工带薪年休假制度，休假落实率达到{n}%
partner union
年休假落实率{n}%; 95; %; 年休假落实率

女职工权益保护
· 建议公司设立母婴室。
· 希望签订女职工专项集体合同。
同意签订女职工权益保护专项集体合同，建设母婴室。
签订女职工权益保护专项集体合同，建设母婴室{n}间
partner union
建成母婴室{n}间; 1; 间; 建成母婴室; sourced

职工健康体检
· 建议公司每年组织一次体检，接触粉尘的岗位增加职业病检查。
同意组织职工年度健康体检，有毒有害岗位增加职业健康检查。
组织职工年度健康体检，体检覆盖{n}人
partner union
体检{n}人; 200; 人; 体检人数

倒班宿舍改造
· 宿舍没有热水，夏天没有空调。
同意改造职工倒班宿舍，配齐空调和热水。
改造职工倒班宿舍{n}间，配齐空调和热水
partner union
改造宿舍{n}间; 40; 间; 改造宿舍
"""

# Industry union and industry association.
INDUSTRY = """
行业工资专项集体协商
· 建议行业协会牵头定一个行业工资标准。
同意开展行业工资专项集体协商，签订行业工资专项集体合同。
签订行业工资专项集体合同，覆盖企业{n}家
partner union
覆盖企业{n}家; 30; 家; 覆盖企业

行业职业技能竞赛
· 希望行业里多组织技能比武。
同意联合举办行业职业技能竞赛。
联合举办行业职业技能竞赛，参赛职工{n}人
union partner
参赛职工{n}人; 200; 人; 参赛职工

行业劳动定额标准
· 各家计件单价差别太大，建议统一定额。
同意协商制定行业劳动定额标准。
协商制定行业劳动定额标准{n}项
partner union
制定定额标准{n}项; 5; 项; 制定定额标准
"""


def _parse(area: str, table: str) -> tuple[Theme, ...]:
    themes = []
    for block in table.strip().split("\n\n"):
        title, *rest = block.splitlines()
        suggestions = tuple(line[2:] for line in rest if line.startswith("· "))
        decision, item, roles, spec = rest[len(suggestions) :]
        lead, *cooperating = roles.split()
        target, number, unit, figure, *sourced = spec.split("; ")
        themes.append(
            Theme(
                area,
                title,
                suggestions,
                decision,
                item,
                lead,
                tuple(cooperating),
                target,
                float(number),
                unit,
                figure,
                jitter=not sourced,
            )
        )
    return tuple(themes)


THEMES_BY_AREA = {
    "county": _parse("county", COUNTY),
    "party": _parse("party", PARTY),
    "township": _parse("township", TOWNSHIP),
    "enterprise": _parse("enterprise", ENTERPRISE),
    "industry": _parse("industry", INDUSTRY),
}
THEMES = tuple(t for themes in THEMES_BY_AREA.values() for t in themes)
LAYOFF_THEME = next(t for t in THEMES_BY_AREA["enterprise"] if t.title == "稳定职工队伍不裁员")
