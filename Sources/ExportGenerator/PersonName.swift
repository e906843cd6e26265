/// Invented applicant names (姓名) for the XML exports, derived from the ID number so that no random draw is
/// spent on them; the given name follows the sex digit (17th) of the number.
enum PersonName {
    private static let surnames = [
        "王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱",
        "胡", "郭", "何", "高", "罗", "龙", "安", "禄", "陇", "熊", "邓", "蒋", "谢", "彭",
    ]
    private static let male = [
        "伟", "强", "勇", "军", "磊", "涛", "斌", "明", "超", "华", "建国", "志强", "国华",
        "文斌", "德明", "正兴", "光荣", "家富",
    ]
    private static let female = [
        "芳", "娟", "敏", "静", "丽", "艳", "霞", "燕", "玲", "梅", "秀英", "桂芳", "春梅",
        "小红", "海燕", "应珍", "德芬", "兰",
    ]

    static func make(for idNumber: String) -> String {
        let hash = StableHash.of("name:" + idNumber)
        let bytes = Array(idNumber.utf8)
        let isMale = bytes.count == 18 && (bytes[16] &- 48) % 2 == 1
        let given = isMale ? male : female
        let surname = surnames[Int(hash % UInt64(surnames.count))]
        return surname + given[Int(hash / 64 % UInt64(given.count))]
    }
}
