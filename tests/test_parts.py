"""The parts of the extractor, each on its own: numerals, metadata, time, amounts, names, entities."""
from __future__ import annotations

import pytest

from extract.amounts import find_amounts
from extract.document import read_document
from extract.entities import Entities, project_subjects
from extract.facts import clean_name
from extract.normalize import normalize
from extract.numbers import chinese_numeral, parse_number
from extract.timeexpr import find_times


@pytest.mark.parametrize("text, value", [
    ("一百四十九", 149), ("十", 10), ("十二", 12), ("两", 2), ("三千", 3000), ("三千万", 3e7),
    ("一万二千", 12000), ("二〇二〇", 2020), ("三点五", 3.5), ("一亿五千万", 1.5e8), ("五十", 50),
])
def test_chinese_numerals(text: str, value: float) -> None:
    assert chinese_numeral(text) == value


@pytest.mark.parametrize("text, value", [("1,234.5", 1234.5), ("12.06", 12.06), ("两", 2), ("0.5", 0.5)])
def test_parse_number(text: str, value: float) -> None:
    assert parse_number(text) == value


def test_chinese_numeral_rejects_words() -> None:
    with pytest.raises(ValueError):
        chinese_numeral("一体化")


def test_normalize_keeps_length_and_maps_full_width() -> None:
    text = "增长１２.５％，（二期）"
    assert len(normalize(text)) == len(text)
    assert normalize(text) == "增长12.5%,(二期)"


@pytest.mark.parametrize("raw, title, published, body", [
    ('---\ndate: "2020-10"\ntitle: "标题"\nsource: "报"\n---\n正文。', "标题", "2020-10", "正文。"),
    ('---\ndate: 2023\n---\n正文。', "正文。", "2023", "正文。"),
    ("date: 2022-08-03\n\n标题行\n正文。", "标题行", "2022-08-03", "\n标题行\n正文。"),
    ("date: unknown\n\n为迎接党的十九大胜利召开，我县举行开工仪式。", "为迎接党的十九大胜利召开,我县举行开工仪式。", "2017",
     "\n为迎接党的十九大胜利召开,我县举行开工仪式。"),
    ("南通发布   2025-01-20 11:13\n正文。", "南通发布   2025-01-20 11:13", "2025-01-20", "南通发布   2025-01-20 11:13\n正文。"),
    ("没有任何日期的正文。", "没有任何日期的正文。", "", "没有任何日期的正文。"),
])
def test_metadata(raw: str, title: str, published: str, body: str) -> None:
    doc = read_document(raw)
    assert (doc.title, doc.published, doc.text[doc.body_start:]) == (title, published, body)


def test_container_metadata_wins() -> None:
    doc = read_document("date: 2020-01-01\n正文", title="网页标题", published="2021-05-06")
    assert (doc.title, doc.published) == ("网页标题", "2021-05-06")


@pytest.mark.parametrize("text, doc_year, doc_month, expected", [
    ("2020年", 2020, 12, [(2020, "2020")]),
    ("今年上半年", 2020, 9, [(2020, "2020H1")]),
    ("去年", 2021, 3, [(2020, "2020")]),
    ("明年", 2021, 3, [(2022, "2022")]),
    ("前三季度", 2021, 10, [(2021, "2021Q1..Q3")]),
    ("一季度", 2023, 4, [(2023, "2023Q1")]),
    ("1-8月", 2021, 9, [(2021, "2021-01..2021-08")]),
    ("1至10月", 2021, 11, [(2021, "2021-01..2021-10")]),
    ("今年1月至4月", 2020, 9, [(2020, "2020-01..2020-04")]),
    ("1-6月", 2022, 8, [(2022, "2022H1")]),
    ("前8个月", 2022, 9, [(2022, "2022-01..2022-08")]),
    ("2017年至2019年", 2020, 9, [(2019, "2017..2019")]),
    ("力争3年完成", 2020, 12, [(2023, "2023")]),
    ("到“十四五”末", 2022, 1, [(2025, "2025")]),
    ("截至2024年底", 2025, 1, [(2024, "2024")]),
    ("截至6月底", 2023, 7, [(2023, "2023H1")]),
    ("截至目前", 2020, 12, [(2020, "2020")]),
    ("10月份", 2017, None, [(2017, "2017-10")]),
    ("10月16日", 2020, 9, [(2020, "2020-10")]),
    ("下半年", 2023, 7, [(2023, "2023H2")]),
])
def test_times(text: str, doc_year: int, doc_month: int | None, expected: list) -> None:
    assert [(t.year, t.period) for t in find_times(text, doc_year, doc_month) if not t.compare] == expected


@pytest.mark.parametrize("text", ["比上年增长", "较去年同期提高", "与2019年相比"])
def test_comparison_bases_are_marked(text: str) -> None:
    assert all(t.compare for t in find_times(text, 2020, 12))


@pytest.mark.parametrize("text, expected", [
    ("149亿元", [(149, "亿元", "money", 1.49e10, "CNY", False)]),
    ("1.7亿美元", [(1.7, "亿美元", "money", 1.7e8, "USD", False)]),
    ("近40家", [(40, "家", "count", 40, "count", True)]),
    ("80多个", [(80, "个", "count", 80, "count", True)]),
    ("十余个", [(10, "个", "count", 10, "count", True)]),
    ("40万平方米", [(40, "万平方米", "area", 4e5, "m2", False)]),
    ("42.99亩", [(42.99, "亩", "area", 42.99 * 666.6667, "m2", False)]),
    ("17平方公里", [(17, "平方公里", "area", 1.7e7, "m2", False)]),
    ("1.2个百分点", [(1.2, "个百分点", "pp", 1.2, "pp", False)]),
    ("60%左右", [(60, "%", "pct", 60, "pct", True)]),
    ("12.5％", [(12.5, "%", "pct", 12.5, "pct", False)]),
    ("1.2万亿元", [(1.2, "万亿元", "money", 1.2e12, "CNY", False)]),
    ("3千万元", [(3, "千万元", "money", 3e7, "CNY", False)]),
    ("三千万元", [(3000, "万元", "money", 3e7, "CNY", False)]),
    ("双破500亿", [(500, "亿", "money", 5e10, "CNY", True)]),
    ("500万元以上", [(500, "万元", "money", 5e6, "CNY", True)]),
    ("4,800万欧元", [(4800, "万欧元", "money", 4.8e7, "EUR", False)]),
    ("2.5亿港元", [(2.5, "亿港元", "money", 2.5e8, "HKD", False)]),
    ("31.6亿元（4.4亿美元）", [(31.6, "亿元", "money", 3.16e9, "CNY", False)]),
])
def test_amounts(text: str, expected: list) -> None:
    got = [(a.value, a.unit, a.kind, a.value_base, a.base_unit, a.approx) for a in find_amounts(normalize(text))]
    assert [(v, u, k, pytest.approx(b), bu, ap) for v, u, k, b, bu, ap in expected] == got


@pytest.mark.parametrize("text", [
    "10月13日", "2019年", "第十一届", "11周年", "第15个年头", "12345政府服务热线", "“1+8”大都市圈", "“十四五”",
    "“五个中心”", "1+1>2", "29年发展", "两个多月", "40公里/小时", "数百名领导", "IS9001", "一批重大项目",
    "中共南通市委十二届十次全会", "9:30", "6号线", "30层大楼", "世界500强", "提升1个位次",
    "单个项目最高奖励500万元", "一次性奖励100万元", "减按15%的税率", "按设备投资额的8%给予补助",
])
def test_not_amounts(text: str) -> None:
    assert find_amounts(normalize(text)) == []


@pytest.mark.parametrize("segment, name", [
    ("规上工业企业增至", "规上工业企业"),        # a verb of change before the new value names nothing
    ("企业数跃升至", "企业数"),
    ("全年实现营业收入", "营业收入"),
    ("研发投入达到了", "研发投入"),
])
def test_indicator_names(segment: str, name: str) -> None:
    assert clean_name(segment) == name


@pytest.mark.parametrize("text, names", [
    ("苏锡通科技产业园区与苏州市签约", ["苏锡通科技产业园区", "苏州市"]),
    ("记者从东台市统计局获悉", []),
    ("桂林天海塑业有限公司落户灵川县", ["桂林天海塑业有限公司", "灵川县"]),
    ("江苏江阴-靖江工业园区", ["江苏江阴-靖江工业园区"]),
    ("合作共建一批高水平园区", []),
    ("江西洪都精密制造有限公司实现营收，企业都已投产", ["江西洪都精密制造有限公司"]),
    ("乐清市柳市镇召开大会，表彰先进村社", ["乐清市", "柳市镇"]),
    ("全省共调整开发区托管乡镇46个", []),
    ("对同一县域内的多个开发区实行一区多园", []),
    ("粤桂合作特别试验区建设十周年", ["粤桂合作特别试验区"]),
    ("依托中国(云南)自由贸易试验区建设", ["中国(云南)自由贸易试验区"]),
    ("博鳌乐城国际医疗旅游先行区营业收入", ["博鳌乐城国际医疗旅游先行区"]),
    ("成为江西首个国家级开发区", ["江西省"]),
    ("在全省产业转移工业园年度考核中排名第三", []),
    ("贵阳市修文县六屯镇大木村", ["贵阳市", "修文县", "六屯镇", "大木村"]),
    ("崇仁县召开工业园区调度会", ["崇仁县"]),
    ("走进位于济南高新区的齐鲁软件园", ["济南高新区", "齐鲁软件园"]),
    ("河南枣乡红食品有限公司实现产值", ["河南枣乡红食品有限公司"]),
    ("赣州国际陆港发展有限公司开行班列，高出高新区平均水平", ["赣州国际陆港发展有限公司"]),
    ("九江出口加工区升级为综合保税区，这个老牌省级开发区", ["九江出口加工区"]),
    ("整合为一区三园，即城东园、城西园和石庄园。城东园营收增长", ["城东园", "城西园", "石庄园", "城东园"]),
    ("多个村的扶持资金入股县城经济开发区物业项目", ["县城经济开发区"]),
    ("说起村里的账本。全镇集体经济薄弱村全部摘帽", []),
    ("青禾县召开大会。青禾县经济运行稳中有进，企业上市3家，城市更新", ["青禾县", "青禾县"]),
    ("全国百强县。百强县名单", []),
    ("海河联运是今年最大的亮点，铁路口岸和智慧口岸建设加快", []),
    ("全市共安排市级重点项目152个。今年安排市级财政资金", []),
    ("营收增速比一季度加快2.3个百分点", []),
    ("这是自2017年建立开发区统计监测制度以来", []),
    ("新增在湖北股权托管交易中心挂牌企业46家", []),
    ("在全国医药类产业园区综合竞争力评价中", []),
    ("52个薄弱村每村入股200万元", []),
    ("(记者 孙仁斌)德国博伦特集团在沈阳投资", ["德国博伦特集团", "沈阳市"]),
    ("全省将继续深化开发区体制改革。攸县工业集中区规上工业企业达到186家", ["攸县工业集中区"]),
    ("在苏州工业园区货物进出卡口，南京海关驻综保区办事处工作人员介绍", ["苏州工业园区"]),
    ("我代表开发区管委会向大会作报告，为全面振兴新突破贡献开发区力量", []),
    ("企业如需政策咨询，可拨打高新区企业服务专线。第十一届中国(绵阳)科技城国际科技博览会开幕", ["中国(绵阳)科技城"]),
    ("记者专访如皋经济技术开发区主任。湖北公布2022年度开发区考核结果", ["如皋经济技术开发区", "湖北省"]),
    ("长沙国家生物产业基地(浏阳经开区)举行签约仪式", ["长沙国家生物产业基地"]),
    ("会议表彰综合考核先进开发区。全省107个省级以上开发区。请介绍一下西部(重庆)科学城", ["西部(重庆)科学城"]),
    ("5月，义乌保税物流中心(B型)进出口货值增长。义乌综合保税区进出口货值增长", ["义乌保税物流中心", "义乌综合保税区"]),
])
def test_mentions(text: str, names: list[str]) -> None:
    assert [m.name for m in Entities(text, 0).mentions if not m.anaphor] == names


def test_park_names_group_and_anaphora_resolve() -> None:
    text = "苏锡通科技产业园区揭牌。苏锡通园区加快发展。今年园区引进项目。"
    ents = Entities(text, 0)
    assert {m.name for m in ents.mentions} == {"苏锡通科技产业园区"}
    assert ents.main == "苏锡通科技产业园区"


def test_port_is_not_what_its_zone_is_called_back_by() -> None:
    text = "洋口港经济开发区完成工业总产值860亿元。洋口港完成货物吞吐量6300万吨。园区规上工业企业达到126家。"
    assert [m.name for m in Entities(text, 0).mentions] == ["洋口港经济开发区", "洋口港", "洋口港经济开发区"]


def test_park_in_a_project_name_is_not_called_back() -> None:
    text = "通化医药高新区新签约项目11个，包括高端医用耗材产业园项目。园区现有医药企业86家。"
    assert [m.name for m in Entities(text, 0).mentions][-1] == "通化医药高新区"


@pytest.mark.parametrize("text, names", [
    ("会上签约的上海芯泰微电子有限公司功率半导体模组项目，总投资12亿元", ["上海芯泰微电子有限公司功率半导体模组项目"]),
    ("总投资18.6亿元的晟元汽车电子项目，建成后", ["晟元汽车电子项目"]),
])
def test_project_names(text: str, names: list[str]) -> None:
    assert [m.name for m in project_subjects(text, 0, len(text))] == names


def test_county_short_name_needs_its_city() -> None:
    assert "如皋市" not in {m.name for m in Entities("如皋抢抓机遇。", 0).mentions}
    assert "如皋市" in {m.name for m in Entities("南通市的如皋抢抓机遇。", 0).mentions}


def test_metadata_title_dates_the_text() -> None:
    from extract import extract_text
    text = '---\ntitle: "2022年年度报告摘要"\ndate: 2023-03-28\n---\n报告期内，公司实现营业收入8,652.3万元。'
    [fact] = extract_text(text, doc="report")
    assert (fact.year, fact.period, fact.published, fact.title) == (2022, "2022", "2023-03-28", "2022年年度报告摘要")
    assert text[fact.start:fact.end] == "8,652.3万元"


@pytest.mark.parametrize("raw, published", [
    ("2023年，全县实现产值86.4亿元。2024年，凤冈县将力争产值突破95亿元。", "2023"),
    ("2023年，经开区实现产值586亿元。2024年以来，已签约项目47个。", "2024"),
    ("到2025年，园区产值达到1000亿元。", ""),
])
def test_undated_text_takes_its_latest_reported_year(raw: str, published: str) -> None:
    assert read_document(raw).published == published
