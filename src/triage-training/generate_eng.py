"""English part of the triage training set (see README.md). Written by the team; never from the evaluation corpus."""
from common import emit

CHILDREN = ["children", "two children", "3 kids", "our children", "a boy", "a young girl", "two boys", "a child",
            "my son", "my daughter", "some pupils", "5 students", "a 12 year old boy", "a girl aged 14", "the kids",
            "minors", "little ones", "a baby", "teenage boys", "schoolchildren", "my little brother", "4 chldrn"]
ACTORS = ["armed men", "jihadists", "gunmen", "militants", "the rebels", "militia", "soldiers", "bandits",
          "men on motorbikes", "an armed group", "the terrorists", "fighters", "unknown armed people", "insurgents"]
PLACES = ["in Menaka", "near Gao", "in Timbuktu", "in our village", "at Douentza", "near Kidal", "in Mopti",
          "on the Bourem road", "at the market", "here", "in Niono", "in Ansongo", "near the river", ""]
WHEN = ["this morning", "last night", "today", "yesterday", "right now", "two days ago", "last week", "tonight",
        "since this morning", "last month", ""]
GIRLS = ["a 13 year old girl", "a young girl", "my daughter", "two girls", "a schoolgirl", "a teenage girl",
         "a girl", "the neighbour's daughter", "an underage girl"]

T = {
"killing_maiming": [
    "{actor} killed {children} {place} {when}", "{children} shot dead {place} {when}",
    "a landmine exploded {place}, {children} injured", "{children} wounded by gunfire {place} {when}, need care",
    "drone strike {place} {when}, {children} among the dead", "unexploded shell found near the school {place}",
    "{children} hurt by an explosive device {place}", "stray bullet hit {children} {place}",
    "{actor} beat {children} badly {place}", "crossfire {place} {when}, {children} died",
    "IED on the road {place}, children among the victims", "{children} lost legs to a mine {place}",
    "kids found a grenade and it blew up {place}", "airstrike hit houses {place}, several children killed",
    "{actor} opened fire on the village, {children} dead", "body of {children} found {place} {when}",
],
"recruitment_use": [
    "{actor} are recruiting {children} {place}", "{actor} took {children} to train them as fighters",
    "{children} enlisted by {actor} {place} {when}", "child soldiers seen at the checkpoint {place}",
    "{actor} gave guns to {children} {place}", "{actor} use {children} as spies and messengers",
    "{children} forced to carry ammunition for {actor}", "boys are being trained in a camp {place}",
    "{actor} pay teenagers to join them {place}", "{children} cook and guard for {actor}",
    "my son joined {actor}, he is only 15", "{actor} are taking boys to fight {place}",
    "recruitment of children by {actor} {place} {when}", "underage boys fighting with {actor}",
],
"sexual_violence": [
    "{actor} took {girl} as a wife for their commander",
    "a soldier has been abusing {girl} and everyone keeps quiet",
    "girls forced to sleep with {actor} {place}",
    "{girl} molested at the checkpoint {place}",
    "{actor} raped {girl} {place} {when}", "{girl} was raped {place} {when}", "{girl} forced to marry a fighter",
    "sexual assault on {girl} {place}", "{actor} abused {girl} sexually", "rape of a minor {place} {when}",
    "{actor} take girls as wives {place}", "{girl} raped by soldiers, she needs help",
    "gang rape of {girl} {when}", "{actor} force families to give their daughters in marriage",
    "sexual violence against girls {place}", "{girl} pregnant after being raped by {actor}",
],
"abduction": [
    "{actor} took {girl} from the village, no one knows where she is",
    "{actor} are trying to kidnap the pupils, they are here now",
    "{actor} want money to free {children}",
    "{actor} abducted {children} {place} {when}", "{children} kidnapped {place} {when}",
    "{children} taken away by unknown men {place}", "{actor} took {children} and left towards the bush",
    "{children} missing since {actor} came {when}", "kidnapping of {children} {place}",
    "{actor} grabbed {children} on the way to school", "{actor} ask for ransom for {children}",
    "{children} held hostage by {actor} {place}", "{children} snatched from their homes {when}",
    "{actor} carried {children} away on motorbikes {place}",
],
"attack_school_hospital": [
    "{actor} burned the school {place} {when}", "the health centre {place} was looted by {actor}",
    "{actor} occupy the school and sleep in the classrooms", "soldiers use the school as a base {place}",
    "the teacher was abducted by {actor} {place}", "{actor} threatened the teachers, school closed",
    "the nurse was chased away by {actor} {place}", "the doctor was killed {place} {when}",
    "school closed because of threats from {actor} {place}", "{actor} attacked the hospital {place} {when}",
    "{actor} stole medicine from the clinic {place}", "{actor} shot at the health post {place}",
    "the ambulance was attacked {place} {when}", "{actor} ordered all schools closed {place}",
    "health workers fled after threats {place}", "the headmaster was beaten by {actor}",
],
"denial_humanitarian_access": [
    "aid trucks blocked at the entrance {place}", "we can no longer bring medicine {place}",
    "{actor} stop humanitarian convoys {place}", "WFP convoy looted {place} {when}",
    "aid workers expelled {place}", "{actor} attacked NGO staff {place}", "siege {place}, no food for the children",
    "the town is surrounded, nothing gets in", "NGOs cannot reach {place} anymore",
    "{actor} stole the food aid {place}", "road cut by {actor}, no medicine for the kids",
    "vaccinators turned back {place} {when}", "no convoy can enter {place} for a month",
    "food distribution cancelled because of {actor}", "the water truck was burned {place}",
    "Red Cross staff kidnapped {place}",
],
"other_child_protection": [
    "{girl} is being married off to an old man {place}", "child marriage of a 12 year old {place}",
    "{children} work in the gold mines {place}", "{girl} works as a maid and is beaten",
    "a lost child {place}, he cannot find his parents", "{children} separated from their families {place}",
    "abandoned baby found {place} {when}", "unaccompanied children in the displacement camp {place}",
    "{children} beaten every day by their stepmother", "FGM planned for little girls {place}",
    "truck carrying children to be sold {place}", "talibe children begging and beaten by their teacher",
    "displaced kids sleeping outside with no one {place}", "{children} wandering alone {place}",
    "child trafficking {place} {when}", "{children} working on farms instead of school",
],
"not_relevant": [
    "a soldier was wounded {place}, no civilians hurt",
    "three men killed in an ambush, no children among the victims",
    "may god protect our children",
    "I want to subscribe to receive messages",
    "school closed for independence day",
    "motorbike accident {place}, two adults hurt",
    "how do I stop these messages?",
    "my daughter passed her exam",
    "hello", "good morning", "hi how are you", "thank you for your work", "test", "this is a test",
    "please send me airtime", "send me credit please", "you have won 1000 dollars, send your pin",
    "congratulations you won a phone, call this number", "how do I register?", "what is this number?",
    "who are you?", "school closed because of the teachers strike", "no school tomorrow, it's a holiday",
    "school closed because of the rain", "classes resume monday", "{actor} stole cattle {place}",
    "two traders killed {place} {when}", "bandits attacked a bus {place}, adults injured",
    "no children were hurt", "no kids were killed, only houses burned", "price of millet went up",
    "when is the next distribution?", "it rained {when}", "what time is the football match?",
    "happy eid to all", "god bless you", "I lost my phone {place}", "my number changed", "stop", "ok thanks",
    "money transfer received", "I am looking for a job", "meeting at the town hall {when}",
    "is this service free?", "help me with some money", "a truck overturned, the driver is injured",
    "{actor} kidnapped the village chief {place}", "a trader was abducted {place} {when}",
    "the clinic opens on saturday?", "vaccination campaign next week", "good night", "call me back",
    "the radio does not work here", "exam results are out, congratulations to the pupils",
]}



# Families added after the first model (tune3); team-written, never taken from the evaluation corpus.
T["denial_humanitarian_access"] += [
    "aid trucks have been stuck at the checkpoint {place} for days, children are starving",
    "{actor} turned back the UNICEF team {place} {when}",
    "NGO workers were threatened and left {place}, nobody is feeding the children",
    "the WFP convoy was ambushed {place} and the food stolen",
    "{actor} stopped the vaccination campaign {place}",
    "humanitarians cannot reach the camp {place} because of the fighting",
    "no aid has reached the displaced families {place} for a month",
    "{actor} tax every relief truck {place}, nothing gets in",
    "relief workers were kidnapped {place} {when}",
]
T["recruitment_use"] += [
    "{actor} are training kids to use weapons {place}",
    "{children} carry ammunition for {actor} {place}",
    "{actor} pay young boys to spy on the army {place}",
    "boys are seen at the roadblock of {actor} with rifles {place}",
    "{actor} asked every family to give a son {place}",
    "{actor} enlisted boys from our village {when}",
]
T["killing_maiming"] += [
    "{children} hit by a stray bullet {place}, losing blood",
    "{actor} are shooting at people {place}, kids were hit",
    "a boy is in critical condition after the attack {place}, he needs a doctor",
]
T["not_relevant"] += [
    "{actor} stole the cattle {place} {when}", "{actor} attacked an army post {place}, soldiers killed",
    "two herders killed by {actor} {place}", "a driver was kidnapped {place}, no children with him",
    "the weekly market was cancelled {place} because of insecurity", "fighting between {actor} and the army {place}, no civilians hurt",
    "an adult man was shot {place}, he is treated at the clinic",
]

def fill(t, r):
    return (t.replace("{actor}", r.choice(ACTORS)).replace("{children}", r.choice(CHILDREN))
            .replace("{girl}", r.choice(GIRLS)).replace("{place}", r.choice(PLACES)).replace("{when}", r.choice(WHEN)))


if __name__ == "__main__":
    emit("eng", T, fill, per_template=5, suffixes=(" please", " !", " help us", "...", " urgent", " thanks"))
