"""Bambara part of the triage training set (see README.md): standard orthography and SMS spelling (e for ɛ, o for ɔ),
with the French words speakers mix in. Only words the team is sure of (the vocabulary of config/triage/bam.yaml plus
everyday words); rape and recruitment are said with the constructions listed there."""
from common import emit

DEN = ["denmisɛnw", "denmisenw", "den fila", "denw", "an denw", "kalandenw", "sunguru dɔ", "den saba", "cɛmisɛn dɔ",
       "musomisɛn dɔ", "denmisen naani", "n denkɛ", "n denmuso", "les enfants", "enfants fila", "sungurunw",
       "kalanden duuru", "denmisɛn kelen"]
ACTEUR = ["marifatigiw", "marifatigi dɔw", "jihadistew", "kɛlɛcɛw", "sorodasiw", "binkannikelaw",
          "mɔgɔ marifatigiw", "les jihadistes", "hommes armés", "terroristw", "bandiw"]
LIEU = ["Gao", "Ménaka", "Mopti", "an ka dugu", "Segu", "Tumbutu", "Nioro", "Kidal", "Douentza", "Koro", "dugu kɔnɔ",
        "Sikasso", "Kati", ""]
QUAND = ["bi", "kunun", "sisan", "bi sɔgɔma", "kunun su fɛ", "bi su fɛ", "ka kɔn tile fila ye", "hier", "ce matin", ""]

T = {
"killing_maiming": [
    "{acteur} ye {den} faga {lieu} {quand}", "{den} fagara {lieu} {quand}", "{den} joginna {lieu}, aw ye an dɛmɛ",
    "mine pɛrɛnna {lieu}, {den} joginna", "{acteur} ye marifa ci, {den} fagara", "{acteur} ye {den} bugɔ kosɛbɛ {lieu}",
    "bombe pɛrɛnna {lieu} {quand}, {den} salen", "{acteur} ye {den} faga marifa la", "drone ye {den} faga {lieu}",
    "{den} joginnen bɛ yen, dɔgɔtɔrɔ tɛ", "u ye tiré kɛ dugu kɔnɔ, {den} fagara", "{den} fagalen sɔrɔla {lieu}",
],
"recruitment_use": [
    "{acteur} ye {den} ta ka u kɛ kɛlɛcɛw ye", "{acteur} bɛ {den} ta ka taa kɛlɛ", "{acteur} ye marifa di {den} ma",
    "{acteur} bɛ {den} kalan marifa la {lieu}", "{den} taara kɛlɛ kɛ {acteur} fɛ", "{acteur} ye {den} kɛ sorodasiw ye",
    "{acteur} bɛ {den} ta ka u former {lieu}", "{den} bɛ kunnafoni di {acteur} ma", "{acteur} bɛ {den} recruter {lieu}",
    "{acteur} ye an denw ta ka taa u kalan marifa la", "{den} donna kɛlɛ la {acteur} fɛ",
],
"sexual_violence": [
    "{acteur} ye sunguru dɔ minɛ fanga la {lieu} {quand}", "{acteur} ye musomisɛn minɛ fanga la",
    "{acteur} ye sunguru dɔ violer {lieu} {quand}", "sunguru minɛna fanga la {lieu}", "{acteur} ye an sungurunw furu fanga la",
    "musomisɛn dɔ violer {acteur} fɛ {quand}", "{acteur} bɛ sungurunw ta ka u furu",
],
"abduction": [
    "{acteur} ye {den} ta {lieu} {quand}",
    "{den} minɛna {lieu}, u bɛ wari ɲini",
    "{acteur} ye sunguru dɔ ta, mɔgɔ si t'a dɔn a bɛ min",
    "{acteur} ye {den} minɛ ka taa {lieu} {quand}", "{den} minɛna {lieu} {quand}", "{acteur} ye {den} ta ka taa ni u ye",
    "{acteur} ye {den} enlever {lieu}", "{den} minɛna, u ma segin {quand}", "{acteur} ye {den} don mobili kɔnɔ ka taa",
    "{den} taara ni {acteur} ye, an t'u ye", "mɔgɔ dɔw ye {den} minɛ {lieu} {quand}",
],
"attack_school_hospital": [
    "{acteur} ye lakɔli jeni {lieu} {quand}", "lakɔli jenina {lieu}", "{acteur} ye dɔgɔtɔrɔso sonya {lieu}",
    "{acteur} ye karamɔgɔw gɛn {lieu}", "karamɔgɔ minɛna {acteur} fɛ {quand}", "lakɔliw datugura {acteur} kosɔn",
    "{acteur} ye dɔgɔtɔrɔ faga {lieu}", "{acteur} sigilen bɛ lakɔli kɔnɔ {lieu}", "{acteur} ye école brûlé {lieu}",
    "{acteur} ye karamɔgɔw bagabaga, lakɔli datugura", "{acteur} ye CSCOM piller {lieu} {quand}",
    "dɔgɔtɔrɔw bolila {acteur} kosɔn", "{acteur} ye kalanso jeni {quand}",
],
"denial_humanitarian_access": [
    "dɛmɛ mobiliw balira {lieu}", "{acteur} ye sira datugu, fura tɛ se ka na {lieu}", "ONG baarakɛlaw gɛnna {lieu}",
    "dumuni tɛ se ka na {lieu} {acteur} kosɔn", "{acteur} ye dɛmɛ mobili sonya {lieu}", "sira datugulen don, dumuni tɛ",
    "{acteur} ye ONGw bali ka don dugu kɔnɔ", "fura si tɛ {lieu}, sira datugura", "ji mobili tɛ na tugun {acteur} kosɔn",
    "{acteur} ye convoi humanitaire bloquer {lieu}", "dɛmɛ tɛ na tugun {lieu}, sira datugura",
],
"other_child_protection": [
    "{den} bɛ sanu baara la {lieu}", "denmisɛnfuru bɛ kɛ {lieu}", "u bɛ sunguru dɔ furu cɛkɔrɔba ma, a si ye san 13",
    "den dɔ tununna {lieu} {quand}", "den bilalen sɔrɔla {lieu}", "{den} bangebagaw tɛ u fɛ {lieu}",
    "bolokoli bɛ kɛ sungurunw na {lieu}", "u bɛ {den} bugɔ so kɔnɔ tile o tile", "{den} bɛ baara kɛ sanu yɔrɔ la",
    "den dɔ bɛ yan a kelen, mɔgɔ si t'a dɔn", "{den} tɛ taa lakɔli la, u bɛ baara kɛ foro la",
    "sunguru dɔ furura a si ye san 12", "{den} filila u bangebagaw ma {lieu}",
],
"not_relevant": [
    "cɛ fila fagara {lieu}, den si ma sa",
    "cɛkɔrɔba dɔ joginna {lieu} {quand}",
    "sorodasi dɔ joginna {lieu}, den si ma jogin",
    "Ala ka an denw tanga",
    "n b'a fɛ ka kunnafoniw sɔrɔ bamanankan na",
    "i ni ce", "aw ni sɔgɔma", "i ni sogoma", "aw ni tile", "i ni wula", "i ka kɛnɛ wa", "tɔɔrɔ si tɛ",
    "barika", "i ni ce baara la", "test", "wari ci n ma", "crédit ci n ma", "aw ye wari ci n ma", "n ka telefɔni tununna",
    "lakɔli datugura grève kosɔn", "sanji nana {quand}", "Ala ka an dɛmɛ", "n b'a fɛ ka baara sɔrɔ",
    "nin nimɔrɔ ye jɔn ta ye ?", "marifatigiw ye misiw ta {lieu}", "an ka dugutigi minɛna {lieu}",
    "cɛ dɔ fagara {lieu} {quand}", "lakɔli bɛ daminɛ lundi", "i ni su", "ɔkɔ", "a ka nyi",
]}


def fill(t, r):
    return (t.replace("{acteur}", r.choice(ACTEUR)).replace("{den}", r.choice(DEN)).replace("{lieu}", r.choice(LIEU))
            .replace("{quand}", r.choice(QUAND)))


if __name__ == "__main__":
    emit("bam", T, fill, per_template=6, suffixes=(" !", "...", " aw ye an dɛmɛ", " urgent"))
