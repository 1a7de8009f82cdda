"""Arabic (Modern Standard) part of the triage training set (see README.md). Hassaniya is not covered."""
from common import emit

CHILDREN = ["أطفال", "طفلين", "ثلاثة أطفال", "أطفالنا", "طفل", "طفلة", "تلاميذ", "ولد صغير", "بنت صغيرة", "صبيان",
            "أطفال القرية", "قاصرين"]
ACTORS = ["مسلحون", "رجال مسلحون", "الجهاديون", "جماعة مسلحة", "الإرهابيون", "المتمردون", "جنود", "مجهولون مسلحون"]
PLACES = ["في غاو", "في تمبكتو", "في ميناكا", "في قريتنا", "قرب كيدال", "في موبتي", "هنا", ""]
WHEN = ["اليوم", "أمس", "هذا الصباح", "الليلة الماضية", "الآن", "منذ يومين", ""]
GIRLS = ["فتاة", "طفلة", "بنت عمرها 13 سنة", "فتيات صغيرات", "ابنتي", "تلميذة"]

T = {
"killing_maiming": ["{actor} قتلوا {children} {place} {when}", "مقتل {children} {place} {when}",
    "انفجار لغم {place}، إصابة {children}", "قصف {place} {when} وجرح {children}", "{children} أصيبوا برصاص {place}",
    "غارة جوية {place} قتلت {children}", "عبوة ناسفة انفجرت {place} وأصيب {children}", "قذيفة لم تنفجر قرب المدرسة {place}"],
"recruitment_use": ["{actor} يجندون {children} {place}", "{actor} أخذوا {children} للتدريب على القتال",
    "تجنيد {children} {place} {when}", "{actor} أعطوا {children} أسلحة", "{actor} يستخدمون {children} جواسيس",
    "أطفال جنود عند الحاجز {place}", "{children} انضموا إلى {actor}"],
"sexual_violence": ["{actor} اغتصبوا {girl} {place} {when}", "اغتصاب {girl} {place}", "تزويج {girl} بالقوة لمقاتل",
    "اعتداء جنسي على {girl} {place}", "{actor} أخذوا الفتيات زوجات"],
"abduction": ["{actor} خطفوا {children} {place} {when}", "اختطاف {children} {place} {when}",
    "{actor} اقتادوا {children} إلى مكان مجهول", "{children} مخطوفون منذ {when}", "{actor} يطلبون فدية مقابل {children}"],
"attack_school_hospital": ["{actor} أحرقوا المدرسة {place} {when}", "{actor} نهبوا المركز الصحي {place}",
    "{actor} احتلوا المدرسة {place}", "{actor} هددوا المعلمين وأغلقت المدرسة", "{actor} قتلوا الطبيب {place}",
    "هجوم على المستشفى {place} {when}", "{actor} خطفوا المعلم {place}"],
"denial_humanitarian_access": ["{actor} منعوا قافلة المساعدات {place}", "المساعدات لا تصل إلى {place}",
    "{actor} نهبوا شاحنات الإغاثة {place}", "حصار {place} ولا دواء للأطفال", "طرد عمال الإغاثة {place}",
    "{actor} أوقفوا توزيع الغذاء {place}"],
"other_child_protection": ["زواج {girl} عمرها 12 سنة {place}", "{children} يعملون في مناجم الذهب {place}",
    "طفل تائه {place} لا يجد أهله", "طفل متروك وجدناه {place} {when}", "{children} بدون أهل في المخيم {place}",
    "الأب يضرب {children} كل يوم", "ختان البنات {place}", "الاتجار بالأطفال {place}"],
"not_relevant": ["السلام عليكم", "صباح الخير", "شكرا جزيلا", "اختبار", "أرسل لي رصيد من فضلك",
    "ربحت جائزة أرسل الرمز", "كيف أشترك في هذه الخدمة؟", "من أنتم؟", "المدرسة مغلقة بسبب الإضراب",
    "{actor} سرقوا المواشي {place}", "مقتل تاجرين {place} {when}", "لم يصب أي طفل", "عيد مبارك", "تصبحون على خير",
    "غيرت رقمي", "ارتفع سعر الأرز"],
}


def fill(t, r):
    return (t.replace("{actor}", r.choice(ACTORS)).replace("{children}", r.choice(CHILDREN))
            .replace("{girl}", r.choice(GIRLS)).replace("{place}", r.choice(PLACES)).replace("{when}", r.choice(WHEN)))


if __name__ == "__main__":
    emit("ara", T, fill, per_template=4, suffixes=(" !", "..."))
