"""General word lists for finding actors and quotes: no article's names, only the language of news.

Countries (with other names, demonyms and capitals), major international organisations, person
titles and roles, collective nouns, reporting verbs and common given names. Everything is exposed
as frozensets or dicts keyed by the folded surface form, so lookups are O(1).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache


@lru_cache(maxsize=16384)
def fold(surface: str) -> str:
    """Lookup key of a surface form: casefolded, dots and possessive 's dropped, ' unified."""
    surface = surface.replace("’", "'").replace("‘", "'")
    surface = re.sub(r"'s?$", "", surface)
    return surface.replace(".", "").casefold()


def longest_first(words: Iterable[str]) -> str:
    """A regex alternation of `words`, longest first, so that "vice president" wins over
    "president" where both match."""
    return "|".join(sorted(words, key=len, reverse=True))


def word_start_alternation(words: Iterable[str], *, not_after: str = r"\w") -> str:
    r"""A regex alternation of `words` (in the given order), each matching only where no
    character of the class `not_after` precedes it: `(?<![\w])(?:a|b)` in effect.

    The check follows each word's first character instead of leading the pattern, so that a
    search skips straight to those characters rather than trying every position."""
    return "|".join(
        rf"{re.escape(w[0])}(?<![{not_after}]{re.escape(w[0])}){re.escape(w[1:])}" for w in words
    )


# --- countries --------------------------------------------------------------------------------
# One line per country: name | other names | demonyms | capitals (the capital standing for the
# government, "Moscow said"). Demonyms qualify roles and groups ("Ukrainian officials").
_COUNTRY_TABLE = """
Afghanistan||Afghan|Kabul
Albania||Albanian|Tirana
Algeria||Algerian|Algiers
Andorra||Andorran|
Angola||Angolan|Luanda
Argentina||Argentine,Argentinian|Buenos Aires
Armenia||Armenian|Yerevan
Australia||Australian|Canberra
Austria||Austrian|Vienna
Azerbaijan||Azerbaijani,Azeri|Baku
Bahamas|The Bahamas|Bahamian|Nassau
Bahrain||Bahraini|Manama
Bangladesh||Bangladeshi|Dhaka
Barbados||Barbadian|
Belarus||Belarusian|Minsk
Belgium||Belgian|Brussels
Belize||Belizean|Belmopan
Benin||Beninese|Porto-Novo
Bhutan||Bhutanese|Thimphu
Bolivia||Bolivian|La Paz
Bosnia and Herzegovina|Bosnia|Bosnian|Sarajevo
Botswana||Botswanan|Gaborone
Brazil||Brazilian|Brasilia,Brasília
Brunei||Bruneian|
Bulgaria||Bulgarian|Sofia
Burkina Faso||Burkinabe|Ouagadougou
Burundi||Burundian|Gitega
Cambodia||Cambodian|Phnom Penh
Cameroon||Cameroonian|Yaounde
Canada||Canadian|Ottawa
Cape Verde|Cabo Verde|Cape Verdean|Praia
Central African Republic|CAR|Central African|Bangui
Chad||Chadian|N'Djamena
Chile||Chilean|Santiago
China|People's Republic of China,PRC|Chinese|Beijing
Colombia||Colombian|Bogota,Bogotá
Comoros||Comorian|Moroni
Congo|Republic of the Congo|Congolese|Brazzaville
Democratic Republic of the Congo|DRC,DR Congo||Kinshasa
Costa Rica||Costa Rican|San Jose
Croatia||Croatian|Zagreb
Cuba||Cuban|Havana
Cyprus||Cypriot|Nicosia
Czech Republic|Czechia|Czech|Prague
Denmark||Danish|Copenhagen
Djibouti||Djiboutian|
Dominican Republic||Dominican|Santo Domingo
Ecuador||Ecuadorian|Quito
Egypt||Egyptian|Cairo
El Salvador||Salvadoran|San Salvador
Equatorial Guinea||Equatoguinean|Malabo
Eritrea||Eritrean|Asmara
Estonia||Estonian|Tallinn
Eswatini|Swaziland|Swazi|Mbabane
Ethiopia||Ethiopian|Addis Ababa
Fiji||Fijian|Suva
Finland||Finnish|Helsinki
France||French|Paris
Gabon||Gabonese|Libreville
Gambia|The Gambia|Gambian|Banjul
Georgia||Georgian|Tbilisi
Germany||German|Berlin
Ghana||Ghanaian|Accra
Greece||Greek|Athens
Guatemala||Guatemalan|Guatemala City
Guinea||Guinean|Conakry
Guinea-Bissau||Bissau-Guinean|Bissau
Guyana||Guyanese|Georgetown
Haiti||Haitian|Port-au-Prince
Honduras||Honduran|Tegucigalpa
Hungary||Hungarian|Budapest
Iceland||Icelandic|Reykjavik
India||Indian|New Delhi
Indonesia||Indonesian|Jakarta
Iran||Iranian|Tehran
Iraq||Iraqi|Baghdad
Ireland|Republic of Ireland|Irish|Dublin
Israel||Israeli|Jerusalem
Italy||Italian|Rome
Ivory Coast|Cote d'Ivoire,Côte d'Ivoire|Ivorian|Yamoussoukro
Jamaica||Jamaican|Kingston
Japan||Japanese|Tokyo
Jordan||Jordanian|Amman
Kazakhstan||Kazakh|Astana
Kenya||Kenyan|Nairobi
Kosovo||Kosovar|Pristina
Kuwait||Kuwaiti|Kuwait City
Kyrgyzstan||Kyrgyz|Bishkek
Laos||Lao,Laotian|Vientiane
Latvia||Latvian|Riga
Lebanon||Lebanese|Beirut
Lesotho||Basotho|Maseru
Liberia||Liberian|Monrovia
Libya||Libyan|Tripoli
Liechtenstein|||Vaduz
Lithuania||Lithuanian|Vilnius
Luxembourg||Luxembourgish|
Madagascar||Malagasy|Antananarivo
Malawi||Malawian|Lilongwe
Malaysia||Malaysian|Kuala Lumpur
Maldives||Maldivian|Male
Mali||Malian|Bamako
Malta||Maltese|Valletta
Mauritania||Mauritanian|Nouakchott
Mauritius||Mauritian|Port Louis
Mexico||Mexican|Mexico City
Moldova||Moldovan|Chisinau
Monaco||Monegasque|
Mongolia||Mongolian|Ulaanbaatar
Montenegro||Montenegrin|Podgorica
Morocco||Moroccan|Rabat
Mozambique||Mozambican|Maputo
Myanmar|Burma|Burmese|Naypyidaw
Namibia||Namibian|Windhoek
Nepal||Nepali,Nepalese|Kathmandu
Netherlands|The Netherlands,Holland|Dutch|Amsterdam,The Hague
New Zealand||New Zealander|Wellington
Nicaragua||Nicaraguan|Managua
Niger||Nigerien|Niamey
Nigeria||Nigerian|Abuja
North Korea|DPRK|North Korean|Pyongyang
North Macedonia|Macedonia|Macedonian|Skopje
Norway||Norwegian|Oslo
Oman||Omani|Muscat
Pakistan||Pakistani|Islamabad
Palestine|Palestinian Territories|Palestinian|Ramallah
Panama||Panamanian|Panama City
Papua New Guinea||Papua New Guinean|Port Moresby
Paraguay||Paraguayan|Asuncion
Peru||Peruvian|Lima
Philippines|The Philippines|Filipino,Philippine|Manila
Poland||Polish|Warsaw
Portugal||Portuguese|Lisbon
Qatar||Qatari|Doha
Romania||Romanian|Bucharest
Russia|Russian Federation|Russian|Moscow
Rwanda||Rwandan|Kigali
Saudi Arabia|Saudi|Saudi,Saudi Arabian|Riyadh
Senegal||Senegalese|Dakar
Serbia||Serbian|Belgrade
Sierra Leone||Sierra Leonean|Freetown
Singapore||Singaporean|
Slovakia||Slovak|Bratislava
Slovenia||Slovenian,Slovene|Ljubljana
Somalia||Somali|Mogadishu
South Africa||South African|Pretoria
South Korea|Republic of Korea|South Korean|Seoul
South Sudan||South Sudanese|Juba
Spain||Spanish|Madrid
Sri Lanka||Sri Lankan|Colombo
Sudan||Sudanese|Khartoum
Suriname||Surinamese|Paramaribo
Sweden||Swedish|Stockholm
Switzerland||Swiss|Bern
Syria||Syrian|Damascus
Taiwan||Taiwanese|Taipei
Tajikistan||Tajik|Dushanbe
Tanzania||Tanzanian|Dodoma
Thailand||Thai|Bangkok
Togo||Togolese|Lome
Trinidad and Tobago||Trinidadian|Port of Spain
Tunisia||Tunisian|Tunis
Turkey|Turkiye,Türkiye|Turkish|Ankara
Turkmenistan||Turkmen|Ashgabat
Uganda||Ugandan|Kampala
Ukraine||Ukrainian|Kyiv,Kiev
United Arab Emirates|UAE,Emirates|Emirati|Abu Dhabi
United Kingdom|UK,U.K.,Britain,Great Britain|British|London
United States|US,U.S.,USA,U.S.A.,America,United States of America|American|Washington
Uruguay||Uruguayan|Montevideo
Uzbekistan||Uzbek|Tashkent
Venezuela||Venezuelan|Caracas
Vietnam|Viet Nam|Vietnamese|Hanoi
Yemen||Yemeni|Sanaa
Zambia||Zambian|Lusaka
Zimbabwe||Zimbabwean|Harare
"""


def _country_maps() -> tuple[dict[str, str], dict[str, str], dict[str, str]]:
    names: dict[str, str] = {}
    demonyms: dict[str, str] = {}
    capitals: dict[str, str] = {}
    for line in _COUNTRY_TABLE.strip().splitlines():
        name, others, nationals, cities = line.split("|")
        for surface in [name, *filter(None, others.split(","))]:
            names[fold(surface)] = name
        for surface in filter(None, nationals.split(",")):
            demonyms.setdefault(fold(surface), name)
        for surface in filter(None, cities.split(",")):
            capitals[fold(surface)] = name
    return names, demonyms, capitals


# Folded country name or other name -> canonical country name ("us" -> "United States").
COUNTRY_NAMES, DEMONYMS, CAPITALS = _country_maps()
# Words or phrases like "Saudi" are both a name and a demonym; the name table wins for actors.

# --- organisations ----------------------------------------------------------------------------
# Major organisations and institutions that act in the news: name | other names.
_ORGANISATION_TABLE = """
United Nations|UN,U.N.
UN Security Council|Security Council,United Nations Security Council
UN General Assembly|General Assembly
European Union|EU,E.U.
European Commission|
European Parliament|
European Council|
European Central Bank|ECB
NATO|Nato,North Atlantic Treaty Organization,North Atlantic Alliance
African Union|AU
Arab League|
ASEAN|Association of Southeast Asian Nations
OPEC|
G7|Group of Seven
G8|Group of Eight
G20|Group of 20
World Health Organization|WHO,World Health Organisation
World Trade Organization|WTO
International Monetary Fund|IMF
World Bank|
OECD|
OSCE|
International Atomic Energy Agency|IAEA
International Criminal Court|ICC
International Court of Justice|ICJ
Red Cross|International Committee of the Red Cross,ICRC
Amnesty International|
Human Rights Watch|
UNICEF|
UNHCR|
Interpol|
Europol|
Kremlin|
White House|
Pentagon|
State Department|US State Department,Department of State
Downing Street|
Foreign Office|
Federal Reserve|Fed
Bank of England|
FBI|
CIA|
Supreme Court|
Congress|US Congress
Senate|US Senate
House of Representatives|
Hamas|
Hezbollah|
Taliban|
Reuters|
Associated Press|AP
AFP|Agence France-Presse
Bloomberg|
BBC|
CNN|
Google|Alphabet
Apple|
Microsoft|
Amazon|
Meta|Facebook
Tesla|
Nvidia|
OpenAI|
Samsung|
Toyota|
Boeing|
Airbus|
Netflix|
"""


def _organisation_map() -> dict[str, str]:
    out: dict[str, str] = {}
    for line in _ORGANISATION_TABLE.strip().splitlines():
        name, others = line.split("|")
        for surface in [name, *filter(None, others.split(","))]:
            out[fold(surface)] = name
    return out


# Folded organisation name or acronym -> canonical name ("eu" -> "European Union").
ORGANISATIONS = _organisation_map()
# Words that end an organisation's name: "Ministry of Defence" starts, "Acme Corp." ends.
ORG_HEADS = frozenset(
    """ministry department bank university college institute agency council commission committee
    office court board bureau federation association union league church museum school
    academy foundation government house""".split()
)
ORG_TAILS = frozenset(
    """ministry department agency bank corp corporation inc ltd llc plc co group company
    companies university college institute school council commission committee party union
    court authority association foundation fund reserve service services office organisation
    organization board trust society federation alliance coalition network times post news
    press journal gazette herald army navy police forces force guard parliament assembly
    congress senate cabinet government administration bureau centre center hospital airlines
    airways motors technologies systems holdings labs laboratories media club exchange tribunal
    secretariat directorate command brigade battalion regiment""".split()
)

# States and provinces of federal countries, folded: places, never a person's name.
REGIONS = frozenset(
    """alabama alaska arizona arkansas california colorado connecticut delaware florida
    hawaii idaho illinois indiana iowa kansas kentucky louisiana maine maryland massachusetts
    michigan minnesota mississippi missouri montana nebraska nevada ohio oklahoma oregon
    pennsylvania tennessee texas utah vermont virginia washington wisconsin wyoming alberta
    manitoba ontario quebec saskatchewan queensland tasmania bavaria""".split()
) | frozenset(
    {
        "new hampshire",
        "new jersey",
        "new mexico",
        "new york",
        "north carolina",
        "north dakota",
        "rhode island",
        "south carolina",
        "south dakota",
        "west virginia",
        "district of columbia",
        "british columbia",
        "nova scotia",
        "new brunswick",
        "new south wales",
        "western australia",
    }
)
# The words of those names that are a place by themselves ("Jersey" in "New Jersey",
# not "New" nor "North").
REGION_WORDS = frozenset(
    w
    for region in REGIONS
    for w in region.split()
    if w not in {"new", "north", "south", "west", "western", "of", "district", "british", "nova"}
)
# Words that name a member of a party: "a North Dakota Republican" describes, it names no one.
PARTY_MEMBERS = frozenset(
    """republican republicans democrat democrats independent libertarian conservative liberal
    socialist tory""".split()
)
# Place names shaped like organisation names: "West Bank" is no bank.
PLACES_LIKE_ORGS = frozenset({"west bank", "left bank", "south bank", "gaza strip"})
# Blocs and regions that qualify groups of states: "European allies", "NATO countries".
BLOCS = {
    "european": "Europe",
    "europe": "Europe",
    "western": "West",
    "west": "West",
    "nato": "NATO",
    "eu": "Europe",
    "arab": "Arab",
    "gulf": "Gulf",
    "nordic": "Nordic",
    "baltic": "Baltic",
    "african": "Africa",
    "asian": "Asia",
    "latin american": "Latin America",
    "g7": "G7",
    "g20": "G20",
    "allied": "allied",
    "international": "international",
}

# --- persons: titles and roles ----------------------------------------------------------------
# Capitalised words of a title before a name: "US Secretary of State", "Deputy UN Ambassador".
TITLE_WORDS = frozenset(
    """president presidential vice prime minister foreign defence defense finance interior
    home health trade economy energy justice education culture labour labor transport
    environment agriculture treasury secretary state general chief staff deputy ambassador
    senator sen rep representative congressman congresswoman governor gov mayor chancellor
    king queen prince princess crown pope judge chairman chairwoman chairperson chair
    director ceo cfo coo spokesperson spokesman spokeswoman envoy special commissioner
    commander lieutenant lt colonel col major maj captain capt sergeant sgt admiral adm
    marshal brigadier corporal private former acting interim mr mrs ms miss mx dr prof
    professor sir dame lord lady rev reverend father sister brother sheikh emir sultan speaker
    leader attorney solicitor national security adviser advisor executive officer founder head
    coach manager inspector superintendent detective constable sheriff bishop archbishop
    cardinal rabbi imam ayatollah premier minister-president mp mep senior top assistant
    undersecretary under foreign-policy opposition majority minority whip administrator
    president-elect ombudsman auditor registrar provost dean rector principal""".split()
)
# Honorifics: a following capitalised word is a person's name even alone ("Mr Smith").
HONORIFICS = frozenset("mr mrs ms miss mx dr prof sir dame lord lady rev".split())
# Titles that make a lone capitalised word a surname: "President Lind", "Senator Marsh".
PERSON_TITLES = frozenset(
    """president senator sen rep representative governor gov mayor chancellor minister
    secretary ambassador judge justice general gen pope king queen prince princess
    commissioner commander colonel col captain capt lieutenant lt sergeant sgt admiral marshal
    premier speaker sheikh emir sultan ayatollah cardinal bishop archbishop rabbi imam
    detective inspector coach professor prof congressman congresswoman chairman chairwoman
    spokesperson spokesman spokeswoman envoy""".split()
)
# Lower-case role nouns before a name or standing for an unnamed person: "EU diplomat",
# "Kremlin official Kirill Dmitriev", "a company spokeswoman".
ROLE_NOUNS = frozenset(
    """official diplomat spokesperson spokesman spokeswoman envoy minister ambassador adviser
    advisor aide negotiator chief leader lawmaker senator commander general analyst economist
    professor researcher scientist expert executive founder director president chairman
    chairwoman chair head secretary correspondent reporter editor author lawyer attorney judge
    prosecutor activist campaigner coach captain officer strategist lobbyist consultant
    manager governor mayor representative delegate mediator historian
    commentator columnist journalist photographer ceo administrator""".split()
)

# Lower-case words that may open a role: "former spokesman", "deputy foreign minister".
ROLE_MODIFIERS = frozenset(
    """former then acting deputy chief senior top foreign defence defense finance prime national
    security special presidential press communications vice interim outgoing incoming lead
    economic military political""".split()
)

# --- groups -----------------------------------------------------------------------------------
# Plural nouns naming unnamed collectives, each with the class that decides which groups are
# one actor: "US senators" and "US lawmakers" (legislators), "European allies" and "European
# leaders" (states, under a bloc qualifier).
GROUP_NOUNS = {
    "senators": "legislators",
    "lawmakers": "legislators",
    "legislators": "legislators",
    "congressmen": "legislators",
    "parliamentarians": "legislators",
    "mps": "legislators",
    "allies": "allies",
    "partners": "allies",
    "backers": "allies",
    "leaders": "leaders",
    "countries": "states",
    "nations": "states",
    "states": "states",
    "governments": "states",
    "capitals": "states",
    "officials": "officials",
    "authorities": "authorities",
    "diplomats": "diplomats",
    "envoys": "diplomats",
    "negotiators": "negotiators",
    "delegations": "negotiators",
    "delegates": "negotiators",
    "representatives": "representatives",
    "agencies": "agencies",
    "services": "agencies",
    "forces": "forces",
    "troops": "forces",
    "soldiers": "forces",
    "ministers": "ministers",
    "prosecutors": "prosecutors",
    "investigators": "investigators",
    "police": "police",
    "regulators": "regulators",
    "protesters": "protesters",
    "demonstrators": "protesters",
    "activists": "activists",
    "analysts": "analysts",
    "experts": "experts",
    "economists": "analysts",
    "scientists": "scientists",
    "researchers": "scientists",
    "doctors": "doctors",
    "residents": "residents",
    "voters": "voters",
    "investors": "investors",
    "critics": "critics",
    "rebels": "rebels",
    "militants": "rebels",
    "judges": "judges",
    "generals": "commanders",
    "commanders": "commanders",
}
# Under a bloc qualifier these classes are one: "European allies" = "European leaders" =
# "European countries"; under a country they differ ("US allies" are not "US leaders").
BLOC_CLASSES = frozenset({"allies", "leaders", "states"})
# Lower-case modifiers allowed between a qualifier and a group noun: "US intelligence agencies".
GROUP_MODIFIERS = frozenset(
    """senior top security intelligence military foreign defence defense government local
    federal state member national regional health trade congressional republican democratic
    opposition ruling conservative liberal allied western european border naval air armed
    special law enforcement peace election public key other""".split()
)
# Words that refer back to the parties of a negotiation: "both sides agreed ...".
PARTY_WORDS = frozenset({"sides", "parties", "delegations", "negotiators", "teams"})

# --- quotes -----------------------------------------------------------------------------------
_REPORTING_STEMS = """
say:said,says,saying tell:told,tells,telling state:stated,states,stating add:added,adds,adding
emphasise:emphasised,emphasises,emphasising emphasize:emphasized,emphasizes,emphasizing
warn:warned,warns,warning voice:voiced,voices,voicing claim:claimed,claims,claiming
confirm:confirmed,confirms,confirming insist:insisted,insists,insisting write:wrote,writes,writing
post:posted,posts,posting note:noted,notes,noting argue:argued,argues,arguing
explain:explained,explains,explaining reiterate:reiterated,reiterates,reiterating
stress:stressed,stresses,stressing accuse:accused,accuses,accusing call:called,calls,calling
describe:described,describes,describing announce:announced,announces,announcing
declare:declared,declares,declaring assert:asserted,asserts,asserting urge:urged,urges,urging
reaffirm:reaffirmed,reaffirms,reaffirming suggest:suggested,suggests,suggesting
admit:admitted,admits,admitting acknowledge:acknowledged,acknowledges,acknowledging
reply:replied,replies,replying respond:responded,responds,responding
comment:commented,comments,commenting remark:remarked,remarks,remarking
tweet:tweeted,tweets,tweeting criticise:criticised,criticises,criticising
criticize:criticized,criticizes,criticizing praise:praised,praises,praising
welcome:welcomed,welcomes,welcoming dismiss:dismissed,dismisses,dismissing
brand:branded,brands,branding label:labelled,labeled,labels,labelling,labeling
hail:hailed,hails,hailing proclaim:proclaimed,proclaims,proclaiming
pledge:pledged,pledges,pledging promise:promised,promises,promising
vow:vowed,vows,vowing predict:predicted,predicts,predicting
ask:asked,asks,asking answer:answered,answers,answering
recall:recalled,recalls,recalling concede:conceded,concedes,conceding
deny:denied,denies,denying clarify:clarified,clarifies,clarifying
characterise:characterised,characterises,characterising
characterize:characterized,characterizes,characterizing
dub:dubbed,dubs,dubbing term:termed,terms,terming
complain:complained,complains,complaining
acknowledge:acknowledged announce:announced report:reported,reports,reporting
affirm:affirmed,affirms,affirming boast:boasted,boasts,boasting
caution:cautioned,cautions,cautioning observe:observed,observes,observing
mention:mentioned,mentions,mentioning point:pointed
testify:testified,testifies,testifying quip:quipped,quips
shout:shouted,shouts,shouting chant:chanted,chants,chanting
whisper:whispered put:puts
"""


def _reporting_verbs() -> frozenset[str]:
    words: set[str] = set()
    for entry in _REPORTING_STEMS.split():
        stem, _, forms = entry.partition(":")
        words.add(stem)
        words.update(filter(None, forms.split(",")))
    return frozenset(words)


# Verbs that introduce or frame reported words, all inflections: "said", "emphasised", "calls".
REPORTING_VERBS = _reporting_verbs()
# Verbs that attribute a quote only when they follow it and its speaker: "…,” Vark continued."
# ("The firm continued to grow" before a quote says nothing of it).
ATTRIBUTING_VERBS = frozenset(
    """continued continues concluded concludes charged charges joked jokes retorted retorts
    countered counters exclaimed exclaims recounted recounts lamented laments scoffed scoffs
    mused muses fumed fumes interjected interjects echoed echoes conceded cautioned
    explained recalled predicted wondered wonders demanded demands pleaded snapped snaps
    barked quipped gushed gushes sighed sighs boasted""".split()
)
# Verbs of plain speech that make an unknown capitalised subject a speaker: "Okafor said".
SPEECH_VERBS = frozenset(
    """said says told tells stated states added adds wrote writes posted tweeted asked
    replied answered explained insisted warned argued noted declared announced stressed
    emphasised emphasized reiterated confirmed acknowledged admitted claimed""".split()
)
# Nouns of speech owned by their speaker: "Lind's criticism", "his assertion".
SPEECH_NOUNS = frozenset(
    """criticism criticisms comment comments remark remarks assertion assertions claim claims
    words statement statements warning warnings accusation accusations description call calls
    message messages post posts tweet tweets speech speeches address promise pledge vow
    insistence argument view views verdict characterisation characterization
    answer reply response quip complaint admission praise""".split()
)
# Documents that "state" things without being actors: their quotes have no speaker.
DOCUMENT_NOUNS = frozenset(
    """document draft plan proposal report text agreement deal treaty memo memorandum letter
    study survey paper bill law resolution framework analysis article poll ruling filing
    statement communique communiqué declaration release""".split()
)
# Documents issued by parties together: their speaker is the parties.
STATEMENT_NOUNS = frozenset({"statement", "communique", "communiqué", "declaration"})
# Works whose titles stand in quotation marks: "the report “Silent Spring”" is no quote.
WORK_CUES = frozenset(
    """book film movie novel album song report documentary series show paper study article
    play poem essay column podcast programme program titled entitled called named dubbed
    memoir exhibition opera musical episode""".split()
)

# --- capitalised words that are not names --------------------------------------------------
MONTHS = frozenset(
    """january february march april may june july august september october november december
    jan feb mar apr jun jul aug sep sept oct nov dec""".split()
)
WEEKDAYS = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday mon tue wed thu fri sat sun".split()
)
# Capitalised words that start sentences or headings and are never part of a name.
FUNCTION_WORDS = frozenset(
    """the a an this that these those it its he she they we i you his her their our my your
    in on at for from with by as after before while when where why how what who whom whose
    which to of off out up down despite however meanwhile but and or nor if since although though
    amid amidst
    following according under over during yet still also moving ultimately recent recently
    there here then thus so not no yes all any some many most several each every both either
    neither one two three four five six seven eight nine ten first second third last next
    new other another such only even just about into onto than because unless until
    whether once now today yesterday tomorrow tonight earlier later latest breaking update
    updated read more share related watch listen see click sign subscribe advertisement
    is are was were be been will would can could should may might must do does did has have
    had let lets please note photo video image credit source reporting editing writing
    additional like via per against toward towards upon within without between among
    around across through throughout beyond""".split()
)
NOT_NAMES = MONTHS | WEEKDAYS | FUNCTION_WORDS
# Common nouns that describe a person and open a sentence capitalised before the name:
# "Substitute Kwame Mensah scored", "Striker Ilse Brandvold". Never a given name.
DESCRIPTORS = frozenset(
    """substitute striker defender midfielder goalkeeper keeper winger forward skipper
    teammate rookie veteran newcomer debutant player athlete runner sprinter swimmer cyclist
    rider driver jockey boxer fighter champion referee umpire pitcher quarterback batter
    batsman bowler golfer teenager student pupil teacher nurse doctor surgeon paramedic
    farmer fisherman miner worker resident neighbour neighbor shopkeeper owner landlord
    tenant actor actress singer rapper musician artist designer chef pilot soldier
    survivor witness victim fan voter candidate incumbent challenger entrepreneur
    billionaire investor banker trader novelist writer poet comedian presenter host
    influencer blogger youtuber firefighter officer guard retired local""".split()
)

# --- given names ------------------------------------------------------------------------------
# Common given names across languages: a capitalised pair that starts with one is a person.
GIVEN_NAMES = frozenset(
    """aaron abdul abdullah abu adam adrian ahmad ahmed aisha akira alan alberto alejandro
    aleksandr alex alexander alexandra alexei alexey ali alice alicia alina alison amanda
    amelia amir amit amy ana anatoly andrea andreas andrei andrej andrew andriy andrzej angela
    angelo ann anna anne annika anthony antonio arjun arnold arthur ashley barack barbara
    benjamin bernard bernie beth bill bob boris brad brandon brian bruce bruno carl carla
    carlos carmen caroline catherine cecilia charles chen cheng chris christian christina
    christine christopher claire claudia colin cristina dan daniel daniela david dean deborah
    denis dennis diana diego dmitri dmitriy dmitry donald doug douglas ed edward elena eli
    elizabeth ellen emily emma emmanuel eric erik eva evan fatima felipe fernando francesca
    francis francisco frank franz frederick gabriel gary george georgi gerhard giorgia
    giuseppe gloria gordon greg gregory gustavo hans hannah harry hassan heather heinrich
    helen helena henry hillary hiroshi hugo hussein ian igor ilya imran irina isaac ivan
    jack jacob jacques james jan jane janet jason javier jean jeff jeffrey jennifer jens
    jeremy jessica jim joan joe joel johan john johnny jon jonathan jorge jose josef joseph
    josh joshua juan julia julian julie justin kai kamala karen karim karl kate katherine
    kathleen kathryn keith kelly ken kenneth kevin khalid kim kirill klaus kurt larry laura
    lars lauren lee leo leon leonid li lin linda lisa liu liz luca lucas luis luke lynn
    mahmoud maria marco marcus margaret marie marina mario mark marta martin mary
    matteo matthew max maxim mehmet melissa mia michael michel michelle miguel mikhail mike
    mohamed mohammad mohammed muhammad nadia nancy narendra natalia natalie nathan neil nicholas
    nick nicola nicolas nikolai nikki nina noah olaf oleg oleksandr oleksiy olga oliver olivia
    omar oscar pablo patricia patrick paul paula pedro peter petro philip philippe pierre
    priya rachel rafael rahul raj ralph ramon rebecca ricardo richard rishi rob robert roberto
    roger ron ronald rosa ruth ryan sahra salman sam samantha samuel sandra sara sarah sean
    sebastian sergei sergey sergio serhiy shinzo simon sofia sophie stefan stephanie stephen
    steve steven sue susan svetlana takeshi tamara tanya taro teresa thomas tim timothy tina
    todd tom tony ursula valentina valery vanessa victor viktor vincent vitali vladimir
    volodymyr walter wang wei william wolfgang xi yan yang yasmin yevgeny yuri yulia yusuf
    zhang""".split()
)
