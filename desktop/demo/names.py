"""Name pools: people, phone numbers, places, departments and enterprises of a Jiangsu county."""

from __future__ import annotations

import random


def _words(text: str) -> tuple[str, ...]:
    return tuple(text.split())


# Weighted by frequency: the first dozen surnames cover about half of Jiangsu.
SURNAMES = (
    "王王王李李李张张张刘刘陈陈陈杨杨赵黄黄周周吴吴徐徐孙朱朱马胡郭林何高梁郑罗宋谢唐韩曹许邓"
    "冯于董程蒋蒋沈沈顾顾陆陆季葛缪施姜范严卞潘戴夏钱袁仇左单倪"
)
GIVEN = (
    "伟芳娜敏静丽强磊军洋勇艳杰涛明超秀霞平刚桂英华玉萍红娥玲芬燕彩春菊兰凤洁梅琳素云莲真环雪荣"
    "爱妹香月莺媛瑞凡佳嘉琼勤珍贞莉桂娣叶璐娅琦晶妍茜秋珊莎锦黛青倩婷姣婉娴瑾颖露瑶怡婵雁蓓纨仪"
    "荷丹蓉眉君琴蕊薇菁梦岚苑筠柔竹霭凝晓欢霄枫芸菲寒伊亚宜可姬舒影荔枝思丽国建志文斌海波宇辉鹏"
    "东晨宏斌浩亮政谦亨奇固之轮翰朗伯宏言若鸣朋斌梁栋维启克伦翔旭鹏泽晨辰士以建家致树炎德行时泰"
    "盛雄琛钧冠策腾楠榕风航弘"
)
MOBILE_PREFIXES = _words(
    "139 138 137 136 135 158 159 151 152 157 187 188 181 180 177 133 153 189 199"
)

# Binhai's own townships and streets first (from the sources and the map), then invented ones.
BINHAI_STREETS = _words("东坎街道 坎北街道 坎南街道")
BINHAI_TOWNS = _words(
    "八滩镇 滨海港镇 五汛镇 蔡桥镇 正红镇 通榆镇 界牌镇 八巨镇 天场镇 陈涛镇 滨淮镇 振东镇 樊集镇 陈铺镇"
)
PLACE_STEMS = _words("""
    新港 丰乐 永兴 安东 和平 长安 清河 沙沟 临淮 兴隆 东湖 西园 南河 北沙 大兴 高桥 杨集 马庄 周庄 黄圩
    陈集 李庄 张湾 孙庄 蒋营 三圩 四明 五港 六套 七星 九龙 十里 通海 盘湾 海河 新洋 双洋 运河 合德 洋马
    特庸 新坍 白驹 草堰 刘庄 西团 小海 万盈 南沈灶 梁垛 安丰 富安 时堰 溱东 五烈 唐洋 三龙 弶港 许河 头灶
""")
STREET_STEMS = _words("城东 城西 城南 城北 新城 开发区 园区 新桥")

# A city of about ten counties for the province scale: Yancheng's nine county-level areas.
CITY = "盐城市"
COUNTIES = _words("滨海县 响水县 阜宁县 射阳县 建湖县 东台市 大丰区 亭湖区 盐都区")
COUNTY_DOC_PREFIX = {"盐都区": "都工联", "大丰区": "丰工联"}

# (key, name after the place prefix, short name stem, head title)
DEPARTMENTS = (
    ("office", "人民政府办公室", "政府办", "主任"),
    ("hrss", "人力资源和社会保障局", "人社局", "局长"),
    ("finance", "财政局", "财政局", "局长"),
    ("miit", "工业和信息化局", "工信局", "局长"),
    ("drc", "发展和改革委员会", "发改委", "主任"),
    ("housing", "住房和城乡建设局", "住建局", "局长"),
    ("education", "教育局", "教育局", "局长"),
    ("health", "卫生健康委员会", "卫健委", "主任"),
    ("market", "市场监督管理局", "市场监管局", "局长"),
    ("safety", "应急管理局", "应急管理局", "局长"),
    ("justice", "司法局", "司法局", "局长"),
    ("civil", "民政局", "民政局", "局长"),
    ("transport", "交通运输局", "交通运输局", "局长"),
    ("agri", "农业农村局", "农业农村局", "局长"),
    ("petition", "信访局", "信访局", "局长"),
)

# (union name stem, association name stem)
INDUSTRIES = (
    ("建筑业工会", "建筑业协会"),
    ("化工行业工会", "化工行业协会"),
    ("纺织服装行业工会", "纺织服装行业协会"),
    ("物流快递行业工会", "快递行业协会"),
    ("餐饮行业工会", "餐饮烹饪行业协会"),
)

BRAND_CHARS = "恒达华盛鑫源泰丰瑞祥宏远金海天龙兴隆永康新力博凯联创嘉禾中诚信德昌明亚东润通汇益佳宝"
TRADES = _words("""
    机械制造 阀门 纺织 化工 电子科技 食品 新材料 建材 服装 木业 医药 汽车零部件 光伏科技 物流 农业发展
    包装 电气设备 环保科技 塑业 船舶配件 钢结构 家纺 水产 粮油 印染 轴承 电缆 精密铸造 智能装备
""")
COMPANY_SUFFIXES = ("有限公司", "有限公司", "有限公司", "股份有限公司", "有限责任公司")


def person(rng: random.Random) -> str:
    given = rng.choice(GIVEN) + (rng.choice(GIVEN) if rng.random() < 0.7 else "")
    return rng.choice(SURNAMES) + given


def mobile(rng: random.Random) -> str:
    return rng.choice(MOBILE_PREFIXES) + f"{rng.randrange(10**8):08d}"


def landline(rng: random.Random) -> str:
    """A Yancheng (0515) office number."""
    return f"0515-8{rng.randrange(10**7):07d}"


def townships(rng: random.Random, count: int, *, binhai: bool) -> list[tuple[str, bool]]:
    """(name, is_street) pairs, unique within the county: about one in seven is a street."""
    streets = list(BINHAI_STREETS) if binhai else [s + "街道" for s in rng.sample(STREET_STEMS, 3)]
    towns = list(BINHAI_TOWNS) if binhai else []
    extra = [s + "镇" for s in PLACE_STEMS if s + "镇" not in towns]
    rng.shuffle(extra)
    towns += extra
    chosen = [(s, True) for s in streets] + [(t, False) for t in towns[: count - len(streets)]]
    return chosen[:count]


class EnterpriseNames:
    """Realistic company names, never the same twice in one county."""

    def __init__(self, rng: random.Random, county: str) -> None:
        self.rng = rng
        self.county = county
        self.used: set[str] = set()

    def next(self) -> tuple[str, str]:
        """(full name, brand): e.g. ("滨海县恒达机械制造有限公司", "恒达")."""
        rng = self.rng
        while True:
            brand = rng.choice(BRAND_CHARS) + rng.choice(BRAND_CHARS)
            if brand[0] == brand[1]:
                continue
            place = rng.choices((self.county, "江苏", "盐城"), (6, 3, 1))[0]
            name = place + brand + rng.choice(TRADES) + rng.choice(COMPANY_SUFFIXES)
            if name not in self.used:
                self.used.add(name)
                return name, brand


def doc_prefix(county: str) -> str:
    """The county federation's document prefix: 滨海县 → 滨工联."""
    return COUNTY_DOC_PREFIX.get(county, county[0] + "工联")


def level_char(area: str) -> str:
    """县, 区 or 市: the character a county-level area's units call themselves by."""
    return area[-1] if area[-1] in "县区市" else "县"
