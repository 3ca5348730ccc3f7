"""Hand-written vocabulary for the synthetic corpus (Bokmål, Nynorsk, English).

The sentences are grammatical enough to look like real catalogue prose to a
Markdown parser, a search indexer and a human skimming a page; they are not
meant to make sense. Slots in templates are ``{name}`` and are filled from the
list of the same name (``{agency}`` is filled by the caller).
"""

from typing import Final

Vocab = dict[str, tuple[str, ...]]

NB: Final[Vocab] = {
    "subj": (
        "vi", "prosjektgruppen", "kommunen", "etaten", "teamet", "tjenestedesignerne",
        "de ansatte", "arbeidsgruppen", "styringsgruppen", "piloten",
    ),
    "verb": (
        "utvikler", "tester", "kartlegger", "forenkler", "forbedrer", "undersøker",
        "beskriver", "samordner", "analyserer", "vurderer", "dokumenterer",
        "styrker", "endrer", "utfordrer", "justerer",
    ),
    "inf": (
        "utvikle", "teste", "forenkle", "forbedre", "kartlegge", "prøve ut", "samordne",
        "endre", "digitalisere", "tydeliggjøre", "redusere", "styrke",
    ),
    "pastpart": (
        "testet", "kartlagt", "forenklet", "prøvd ut", "beskrevet", "justert", "endret",
        "analysert", "samordnet",
    ),
    "verbpast": ("forenklet", "endret", "kartla", "utfordret", "styrket", "samordnet"),
    "obj": (
        "tjenesten", "saksbehandlingen", "søknadsprosessen", "veiledningen", "løsningen",
        "prototypen", "brukerreisen", "tilbudet", "samarbeidet", "arbeidsprosessen",
        "regelverket", "datagrunnlaget", "informasjonen", "timebestillingen",
        "oppfølgingen", "vedtaksbrevet", "kontaktpunktet", "innkjøpet", "rutinene",
        "skjemaet", "overgangen mellom tjenestene", "ansvarsdelingen",
    ),
    "group": (
        "innbyggere", "nyankomne flyktninger", "unge uføre", "pasienter med kroniske sykdommer",
        "småbarnsforeldre", "eldre som bor hjemme", "næringsdrivende", "studenter",
        "arbeidssøkere", "pårørende", "saksbehandlere", "fastleger", "lærere",
        "ungdom som har droppet ut av skolen", "personer med nedsatt funksjonsevne",
    ),
    "adv": (
        "i dag", "over tid", "i praksis", "på tvers av sektorer", "sammen med brukerne",
        "i første fase", "underveis", "etter hvert", "i pilotperioden", "i hele landet",
        "fra første dag", "uten ekstra ressurser", "i tett dialog med fagmiljøene",
    ),
    "conn": (
        "Samtidig", "Derfor", "I tillegg", "Etter hvert", "Likevel", "Først", "Deretter",
        "Til slutt", "I denne fasen", "Høsten etter",
    ),
    "modal": ("kan", "skal", "bør", "vil"),
    "adj": ("enklere", "tryggere", "bedre", "mer forutsigbar", "mer helhetlig", "raskere"),
    "pred": (
        "mer krevende", "enklere", "dyrere", "viktigere", "mindre brukt", "mer sårbar",
        "mer tidkrevende",
    ),
    "pred2": (
        "uoversiktlig", "tidkrevende", "lite tilpasset", "fragmentert", "vanskelig å forstå",
        "tungvint", "uforutsigbar",
    ),
    "effect": (
        "unødvendige henvendelser", "økt ressursbruk", "lengre ventetid", "dårligere kvalitet",
        "flere klager", "dobbeltarbeid for de ansatte",
    ),
    "need": (
        "oversikt over egen sak", "en fast kontaktperson", "informasjon på eget språk",
        "digitale ferdigheter", "tid til å sette seg inn i regelverket",
        "et sted å henvende seg",
    ),
    "num": ("tolv", "20", "over 30", "rundt 40", "seks", "15", "nesten 50", "åtte"),
    "money": ("1,2 millioner", "400 000", "3 millioner", "850 000", "2,5 millioner"),
    "linktext": (
        "rapporten", "sluttrapporten", "veilederen", "innsiktsrapporten", "evalueringen",
        "prosjektbeskrivelsen", "presentasjonen fra samlingen",
    ),
    "activity": (
        "Innsiktsarbeid", "Workshop med brukere", "Prototyping", "Brukertesting", "Pilotering",
        "Evaluering", "Gevinstkartlegging", "Oppstartsmøte", "Anskaffelse",
    ),
    "state": ("Ferdig", "Pågår", "Planlagt", "Utsatt"),
    "indicator": (
        "Antall henvendelser", "Saksbehandlingstid (dager)", "Andel digitale søknader (%)",
        "Brukertilfredshet (1–6)", "Antall klager", "Ventetid (uker)",
    ),
    "learning_title": (
        "Involver brukerne tidlig", "Test med ekte brukere", "Forankre arbeidet i ledelsen",
        "Del data på tvers", "Start smått og skaler opp", "Sett av tid til gevinstarbeid",
        "Ta regelverket med fra starten", "Bruk klart språk", "Lag prototyper raskt",
        "Avklar eierskap før pilot",
    ),
    "title_prefix": (
        "Enklere", "Bedre", "Tryggere", "Smartere", "Raskere", "Mer sammenhengende",
        "Helhetlig", "Digital",
    ),
    "title_object": (
        "søknad om bostøtte", "oppfølging av unge arbeidssøkere", "veiledning for nyankomne",
        "tjenester for eldre som bor hjemme", "overgang fra skole til arbeid",
        "varsling ved bekymring for barn", "innkjøp av velferdsteknologi",
        "behandling av byggesøknader", "møte med helsetjenesten", "tilbud til pårørende",
        "rapportering for næringslivet", "informasjon om rettigheter", "tilskuddsforvaltning",
        "klagebehandling", "bestilling av tolk", "startlån for førstegangskjøpere",
        "skoleskyss", "søknad om parkeringstillatelse", "hjemmetjenester", "barnevernstiltak",
        "utskrivning fra sykehus", "kommunale avgifter", "registrering av frivillige",
        "dødsfall og arv", "meldinger om avvik",
    ),
    "title_suffix": ("", "", "", " i {place}", " – pilot", " for {group}", ", fase 2"),
    "news_title": (
        "{agency} starter arbeid med {topic}", "Nye resultater om {topic}",
        "Invitasjon til erfaringsseminar om {topic}", "Ny utlysning i StimuLab",
        "Slik jobbet {agency} med {topic}", "Seks prosjekter får støtte",
        "Gevinster fra arbeidet med {topic}",
    ),
    "heading": (
        "Innsikt fra brukerne", "Gevinster", "Erfaringer", "Organisering", "Utfordringer",
        "Hva vi lærte", "Samarbeid med andre etater", "Personvern og informasjonssikkerhet",
    ),
    # Fixed section headings, in body order.
    "h_background": ("Bakgrunn",),
    "h_goals": ("Mål for prosjektet",),
    "h_method": ("Slik jobbet vi",),
    "h_plan": ("Aktiviteter og tidsplan", "Resultater i tall"),
    "h_results": ("Resultater", "Hva vi fant ut"),
    "h_next": ("Veien videre",),
    "h_problem": ("Problemet vi løser",),
    "h_learnings": ("Læringspunkter",),
    "col_activity": ("Aktivitet", "Periode", "Ansvarlig", "Status"),
    "col_indicator": ("Indikator", "Før", "Etter"),
    "goals_intro": ("Prosjektet skulle:", "Vi satte oss disse målene:"),
    "steps_intro": ("Arbeidet gikk i tre steg:", "Vi fulgte denne rekkefølgen:"),
    "link_sentence": (
        "Mer om dette står i {link}.", "Les {link} for flere detaljer.",
        "Resultatene er samlet i {link}.",
    ),
    "quarter": ("K",),
}

NB_TEMPLATES: Final[tuple[str, ...]] = (
    "{subj} {verb} {obj} {adv}.",
    "{conn} {verb} {subj} {obj} sammen med {group}.",
    "Målet var å {inf} {obj} slik at {group} {modal} få en {adj} opplevelse.",
    "Det viste seg at {obj} var {pred} enn mange trodde.",
    "{group} forteller at {obj} oppleves som {pred2}.",
    "Vi intervjuet {num} {group} og {num} ansatte i {agency}.",
    "Arbeidet {verbpast} {obj} {adv}.",
    "{obj} er {pred2} for mange {group}, og det gir {effect}.",
    "Et viktig funn er at {group} ofte mangler {need}.",
    "{conn} har vi {pastpart} {obj} {adv}.",
    "Gevinsten er anslått til {money} kroner per år.",
    "Sammen med {agency} {verb} vi {obj} for {group}.",
)

NB_XREF: Final[dict[str, tuple[str, ...]]] = {
    "project": (
        "Se også {ref}.", "Prosjektet bygger på erfaringer fra {ref}.",
        "Et lignende arbeid er beskrevet i {ref}.",
    ),
    "project_text": ("Prosjektet bygger på [[project:{slug}|et tidligere prosjekt]].",),
    "agency": ("Arbeidet ble gjort i samarbeid med {ref}.", "Les mer om {ref}."),
    "theme": ("Les mer om temaet {ref}.", "Flere prosjekter finnes under {ref}."),
    "news": ("Vi omtalte prosjektet i {ref}.", "Se nyhetssaken {ref}."),
}

NN: Final[Vocab] = {
    "subj": (
        "vi", "prosjektgruppa", "kommunen", "etaten", "teamet", "tenestedesignarane",
        "dei tilsette", "arbeidsgruppa", "styringsgruppa", "piloten",
    ),
    "verb": (
        "utviklar", "testar", "kartlegg", "forenklar", "betrar", "undersøkjer",
        "skildrar", "samordnar", "analyserer", "vurderer", "dokumenterer", "styrkjer",
        "endrar", "utfordrar", "justerer",
    ),
    "inf": (
        "utvikle", "teste", "forenkle", "betre", "kartleggje", "prøve ut", "samordne",
        "endre", "digitalisere", "tydeleggjere", "redusere", "styrkje",
    ),
    "pastpart": (
        "testa", "kartlagt", "forenkla", "prøvd ut", "skildra", "justert", "endra",
        "analysert", "samordna",
    ),
    "verbpast": ("forenkla", "endra", "kartla", "utfordra", "styrkte", "samordna"),
    "obj": (
        "tenesta", "sakshandsaminga", "søknadsprosessen", "rettleiinga", "løysinga",
        "prototypen", "brukarreisa", "tilbodet", "samarbeidet", "arbeidsprosessen",
        "regelverket", "datagrunnlaget", "informasjonen", "timebestillinga", "oppfølginga",
        "vedtaksbrevet", "kontaktpunktet", "innkjøpet", "rutinane", "skjemaet",
        "overgangen mellom tenestene", "ansvarsdelinga",
    ),
    "group": (
        "innbyggjarar", "nykomne flyktningar", "unge uføre", "pasientar med kroniske sjukdommar",
        "småbarnsforeldre", "eldre som bur heime", "næringsdrivande", "studentar",
        "arbeidssøkjarar", "pårørande", "sakshandsamarar", "fastlegar", "lærarar",
        "ungdom som har droppa ut av skulen", "personar med nedsett funksjonsevne",
    ),
    "adv": (
        "i dag", "over tid", "i praksis", "på tvers av sektorar", "saman med brukarane",
        "i første fase", "undervegs", "etter kvart", "i pilotperioden", "i heile landet",
        "frå første dag", "utan ekstra ressursar", "i tett dialog med fagmiljøa",
    ),
    "conn": (
        "Samstundes", "Difor", "I tillegg", "Etter kvart", "Likevel", "Først", "Deretter",
        "Til slutt", "I denne fasen", "Hausten etter",
    ),
    "modal": ("kan", "skal", "bør", "vil"),
    "adj": ("enklare", "tryggare", "betre", "meir føreseieleg", "meir heilskapleg", "raskare"),
    "pred": (
        "meir krevjande", "enklare", "dyrare", "viktigare", "mindre brukt", "meir sårbar",
        "meir tidkrevjande",
    ),
    "pred2": (
        "uoversiktleg", "tidkrevjande", "lite tilpassa", "fragmentert", "vanskeleg å forstå",
        "tungvint", "uføreseieleg",
    ),
    "effect": (
        "unødvendige førespurnader", "auka ressursbruk", "lengre ventetid",
        "dårlegare kvalitet", "fleire klager", "dobbeltarbeid for dei tilsette",
    ),
    "need": (
        "oversikt over eiga sak", "ein fast kontaktperson", "informasjon på eige språk",
        "digitale ferdigheiter", "tid til å setje seg inn i regelverket",
        "ein stad å vende seg til",
    ),
    "num": ("tolv", "20", "over 30", "rundt 40", "seks", "15", "nesten 50", "åtte"),
    "money": ("1,2 millionar", "400 000", "3 millionar", "850 000", "2,5 millionar"),
    "linktext": (
        "rapporten", "sluttrapporten", "rettleiaren", "innsiktsrapporten", "evalueringa",
        "prosjektskildringa", "presentasjonen frå samlinga",
    ),
    "activity": (
        "Innsiktsarbeid", "Workshop med brukarar", "Prototyping", "Brukartesting",
        "Pilotering", "Evaluering", "Gevinstkartlegging", "Oppstartsmøte", "Anskaffing",
    ),
    "state": ("Ferdig", "Pågår", "Planlagt", "Utsett"),
    "indicator": (
        "Tal på førespurnader", "Sakshandsamingstid (dagar)", "Del digitale søknader (%)",
        "Brukartilfredsheit (1–6)", "Tal på klager", "Ventetid (veker)",
    ),
    "learning_title": (
        "Involver brukarane tidleg", "Test med ekte brukarar", "Forankre arbeidet i leiinga",
        "Del data på tvers", "Start smått og skaler opp", "Set av tid til gevinstarbeid",
        "Ta med regelverket frå starten", "Bruk klarspråk", "Lag prototypar raskt",
        "Avklar eigarskap før pilot",
    ),
    "title_prefix": (
        "Enklare", "Betre", "Tryggare", "Smartare", "Raskare", "Meir samanhengande",
        "Heilskapleg", "Digital",
    ),
    "title_object": (
        "søknad om bustøtte", "oppfølging av unge arbeidssøkjarar", "rettleiing for nykomne",
        "tenester for eldre som bur heime", "overgang frå skule til arbeid",
        "varsling ved uro for barn", "innkjøp av velferdsteknologi",
        "handsaming av byggjesøknader", "møte med helsetenesta", "tilbod til pårørande",
        "rapportering for næringslivet", "informasjon om rettar", "tilskotsforvaltning",
        "klagehandsaming", "bestilling av tolk", "startlån for førstegongskjøparar",
        "skuleskyss", "søknad om parkeringsløyve", "heimetenester", "barnevernstiltak",
        "utskriving frå sjukehus", "kommunale avgifter", "registrering av frivillige",
        "dødsfall og arv", "meldingar om avvik",
    ),
    "title_suffix": ("", "", "", " i {place}", " – pilot", " for {group}", ", fase 2"),
    "news_title": (
        "{agency} startar arbeid med {topic}", "Nye resultat om {topic}",
        "Invitasjon til erfaringsseminar om {topic}", "Ny utlysing i StimuLab",
        "Slik jobba {agency} med {topic}", "Seks prosjekt får støtte",
        "Gevinstar frå arbeidet med {topic}",
    ),
    "heading": (
        "Innsikt frå brukarane", "Gevinstar", "Erfaringar", "Organisering", "Utfordringar",
        "Kva vi lærte", "Samarbeid med andre etatar", "Personvern og informasjonstryggleik",
    ),
    "h_background": ("Bakgrunn",),
    "h_goals": ("Mål for prosjektet",),
    "h_method": ("Slik jobba vi",),
    "h_plan": ("Aktivitetar og tidsplan", "Resultat i tal"),
    "h_results": ("Resultat", "Kva vi fann ut"),
    "h_next": ("Vegen vidare",),
    "h_problem": ("Problemet vi løyser",),
    "h_learnings": ("Læringspunkt",),
    "col_activity": ("Aktivitet", "Periode", "Ansvarleg", "Status"),
    "col_indicator": ("Indikator", "Før", "Etter"),
    "goals_intro": ("Prosjektet skulle:", "Vi sette oss desse måla:"),
    "steps_intro": ("Arbeidet gjekk i tre steg:", "Vi følgde denne rekkjefølgja:"),
    "link_sentence": (
        "Meir om dette står i {link}.", "Les {link} for fleire detaljar.",
        "Resultata er samla i {link}.",
    ),
    "quarter": ("K",),
}

NN_TEMPLATES: Final[tuple[str, ...]] = (
    "{subj} {verb} {obj} {adv}.",
    "{conn} {verb} {subj} {obj} saman med {group}.",
    "Målet var å {inf} {obj} slik at {group} {modal} få ei {adj} oppleving.",
    "Det synte seg at {obj} var {pred} enn mange trudde.",
    "{group} fortel at {obj} blir opplevd som {pred2}.",
    "Vi intervjua {num} {group} og {num} tilsette i {agency}.",
    "Arbeidet {verbpast} {obj} {adv}.",
    "{obj} er {pred2} for mange {group}, og det gir {effect}.",
    "Eit viktig funn er at {group} ofte manglar {need}.",
    "{conn} har vi {pastpart} {obj} {adv}.",
    "Gevinsten er rekna til {money} kroner i året.",
    "Saman med {agency} {verb} vi {obj} for {group}.",
)

NN_XREF: Final[dict[str, tuple[str, ...]]] = {
    "project": (
        "Sjå òg {ref}.", "Prosjektet byggjer på erfaringar frå {ref}.",
        "Eit liknande arbeid er skildra i {ref}.",
    ),
    "project_text": ("Prosjektet byggjer på [[project:{slug}|eit tidlegare prosjekt]].",),
    "agency": ("Arbeidet vart gjort i samarbeid med {ref}.", "Les meir om {ref}."),
    "theme": ("Les meir om temaet {ref}.", "Fleire prosjekt finst under {ref}."),
    "news": ("Vi omtala prosjektet i {ref}.", "Sjå nyheitssaka {ref}."),
}

EN: Final[Vocab] = {
    "subj": (
        "the project team", "the municipality", "the agency", "the team", "the pilot",
        "the steering group", "the working group", "the service designer",
    ),
    "verb": (
        "develops", "tests", "maps", "simplifies", "improves", "examines",
        "describes", "coordinates", "analyses", "assesses", "documents", "strengthens",
        "changes", "challenges", "adjusts",
    ),
    "inf": (
        "develop", "test", "simplify", "improve", "map", "try out", "coordinate", "change",
        "digitise", "clarify", "reduce", "strengthen",
    ),
    "pastpart": (
        "tested", "mapped", "simplified", "tried out", "described", "adjusted", "changed",
        "analysed", "coordinated",
    ),
    "verbpast": ("simplified", "changed", "mapped", "challenged", "strengthened", "aligned"),
    "obj": (
        "the service", "case handling", "the application process", "the guidance",
        "the solution", "the prototype", "the user journey", "the offer", "the collaboration",
        "the work process", "the regulations", "the data", "the information",
        "appointment booking", "the follow-up", "the decision letter", "the contact point",
        "the procurement", "the routines", "the form", "the hand-over between services",
    ),
    "group": (
        "residents", "newly arrived refugees", "young people on disability benefit",
        "patients with chronic illness", "parents of small children",
        "older people living at home", "business owners", "students", "job seekers",
        "next of kin", "caseworkers", "general practitioners", "teachers",
        "people with disabilities",
    ),
    "adv": (
        "today", "over time", "in practice", "across sectors", "together with users",
        "in the first phase", "along the way", "eventually", "during the pilot",
        "nationwide", "from day one", "without extra resources",
    ),
    "conn": (
        "At the same time", "Therefore", "In addition", "Eventually", "Even so", "First",
        "Then", "Finally", "In this phase", "The following autumn",
    ),
    "modal": ("can", "will", "should", "may"),
    "adj": ("simpler", "safer", "better", "more predictable", "more coherent", "faster"),
    "pred": (
        "more demanding", "simpler", "more expensive", "more important", "less used",
        "more fragile", "more time-consuming",
    ),
    "pred2": (
        "confusing", "time-consuming", "poorly adapted", "fragmented", "hard to understand",
        "cumbersome", "unpredictable",
    ),
    "effect": (
        "unnecessary enquiries", "higher costs", "longer waiting times", "lower quality",
        "more complaints", "duplicated work for staff",
    ),
    "need": (
        "an overview of their own case", "a permanent contact person",
        "information in their own language", "digital skills",
        "time to understand the rules", "somewhere to turn",
    ),
    "num": ("twelve", "20", "over 30", "around 40", "six", "15", "almost 50", "eight"),
    "money": ("1.2 million", "400,000", "3 million", "850,000", "2.5 million"),
    "linktext": (
        "the report", "the final report", "the guide", "the insight report", "the evaluation",
        "the project description", "the slides from the workshop",
    ),
    "activity": (
        "User research", "Workshop with users", "Prototyping", "User testing", "Pilot",
        "Evaluation", "Benefit mapping", "Kick-off", "Procurement",
    ),
    "state": ("Done", "Ongoing", "Planned", "Postponed"),
    "indicator": (
        "Number of enquiries", "Processing time (days)", "Share of digital applications (%)",
        "User satisfaction (1–6)", "Number of complaints", "Waiting time (weeks)",
    ),
    "learning_title": (
        "Involve users early", "Test with real users", "Anchor the work in management",
        "Share data across agencies", "Start small and scale up",
        "Make time for benefit realisation", "Bring the regulations in from the start",
        "Use plain language", "Prototype quickly", "Settle ownership before the pilot",
    ),
    "title_prefix": (
        "Simpler", "Better", "Safer", "Smarter", "Faster", "More joined-up", "Holistic",
        "Digital",
    ),
    "title_object": (
        "housing allowance applications", "follow-up of young job seekers",
        "guidance for new arrivals", "services for older people at home",
        "school-to-work transition", "reporting concerns about children",
        "welfare technology procurement", "building permit handling",
        "meetings with the health service", "support for next of kin",
        "business reporting", "information about rights", "grant management",
        "complaint handling", "interpreter booking", "first-time buyer loans",
        "school transport", "parking permits", "home care", "discharge from hospital",
    ),
    "title_suffix": ("", "", "", " in {place}", " – pilot", " for {group}", ", phase 2"),
    "news_title": (
        "{agency} starts work on {topic}", "New results on {topic}",
        "Invitation to a seminar on {topic}", "New StimuLab call",
    ),
    "heading": (
        "User insight", "Benefits", "Experience", "Organisation", "Challenges",
        "What we learned", "Working with other agencies", "Privacy and security",
    ),
    "h_background": ("Background",),
    "h_goals": ("Goals",),
    "h_method": ("How we worked",),
    "h_plan": ("Activities and timeline", "Results in numbers"),
    "h_results": ("Results", "What we found"),
    "h_next": ("Next steps",),
    "h_problem": ("The problem",),
    "h_learnings": ("Lessons learned",),
    "col_activity": ("Activity", "Period", "Responsible", "Status"),
    "col_indicator": ("Indicator", "Before", "After"),
    "goals_intro": ("The project set out to:", "We set these goals:"),
    "steps_intro": ("The work had three steps:", "We worked in this order:"),
    "link_sentence": (
        "More on this is in {link}.", "Read {link} for details.",
        "The results are collected in {link}.",
    ),
    "quarter": ("Q",),
}

EN_TEMPLATES: Final[tuple[str, ...]] = (
    "{subj} {verb} {obj} {adv}.",
    "{conn}, {subj} {verb} {obj} together with {group}.",
    "The goal was to {inf} {obj} so that {group} {modal} have a {adj} experience.",
    "It turned out that {obj} was {pred} than many expected.",
    "{group} report that {obj} feels {pred2}.",
    "We interviewed {num} {group} and {num} staff at {agency}.",
    "The work {verbpast} {obj} {adv}.",
    "{obj} is {pred2} for many {group}, which leads to {effect}.",
    "An important finding is that {group} often lack {need}.",
    "{conn}, we have {pastpart} {obj} {adv}.",
    "The benefit is estimated at NOK {money} per year.",
    "Together with {agency}, {subj} {verb} {obj} for {group}.",
)

EN_XREF: Final[dict[str, tuple[str, ...]]] = {
    "project": (
        "See also {ref}.", "The project builds on {ref}.",
        "Similar work is described in {ref}.",
    ),
    "project_text": ("The project builds on [[project:{slug}|an earlier project]].",),
    "agency": ("The work was done together with {ref}.", "Read more about {ref}."),
    "theme": ("Read more about the theme {ref}.", "More projects are listed under {ref}."),
    "news": ("We covered the project in {ref}.", "See the news item {ref}."),
}

VOCAB: Final[dict[str, Vocab]] = {"nb": NB, "nn": NN, "en": EN}
TEMPLATES: Final[dict[str, tuple[str, ...]]] = {"nb": NB_TEMPLATES, "nn": NN_TEMPLATES,
                                                "en": EN_TEMPLATES}
XREF: Final[dict[str, dict[str, tuple[str, ...]]]] = {"nb": NB_XREF, "nn": NN_XREF,
                                                      "en": EN_XREF}

# Registry building blocks; agency names are always Bokmål-style, as in real registers.
PLACE_HEADS: Final[tuple[str, ...]] = (
    "Aust", "Vest", "Nord", "Sør", "Fjell", "Strand", "Li", "Dal", "Hav", "Bjørk", "Eike",
    "Furu", "Sol", "Skog", "Berg", "Øy", "Vik", "Mo", "Holm", "Elve", "Lyng", "Myr",
)
PLACE_TAILS: Final[tuple[str, ...]] = (
    "vik", "dal", "berg", "nes", "stad", "fjord", "øy", "heim", "sund", "land", "bygd", "haug",
)
REGIONS: Final[tuple[str, ...]] = (
    "Fjordland", "Høgfjell", "Kystlandet", "Midtdalen", "Nordmark", "Sørheia", "Vestvidda",
    "Austlandet", "Innmarka", "Havbrua", "Skoglia", "Elvedalen",
)
STATE_DOMAINS: Final[tuple[str, ...]] = (
    "arbeid og velferd", "digital samhandling", "byggkvalitet", "integrering og mangfold",
    "utdanning", "kulturarv", "miljødata", "landbruksforvaltning", "fiskeriforvaltning",
    "kystforvaltning", "veidata", "jernbanesikkerhet", "luftfartsdata", "energiomstilling",
    "vassdrag", "samfunnssikkerhet", "likestilling", "familievern", "barn og unge",
    "eldreomsorg", "personvern", "konkurranseregler", "forbrukerrettigheter", "statistikk",
    "kartdata", "eiendomsregistre", "pengespill", "mattrygghet", "legemidler", "e-helse",
    "tolketjenester", "høyere utdanning", "kompetanse", "innkjøp", "økonomistyring",
    "tilskudd", "folkehelse", "strålevern", "sjøsikkerhet", "klimatilpasning",
)
STATE_PATTERNS: Final[tuple[str, ...]] = (
    "Direktoratet for {d}", "Tilsynet for {d}", "Senteret for {d}",
    "Statens kontor for {d}", "Etaten for {d}", "Nasjonalt senter for {d}",
    "Fagrådet for {d}",
)
HEALTH_PATTERNS: Final[tuple[str, ...]] = (
    "Helse {r}", "{p} sykehus", "Sykehusapoteket i {p}", "{p} distriktspsykiatriske senter",
)
OTHER_PATTERNS: Final[tuple[str, ...]] = (
    "{p} brann og redning IKS", "{p} havn KF", "{p} kirkelige fellesråd",
    "Interkommunalt arkiv {r}", "Stiftelsen {r} frivilligsentral", "{p} renovasjon IKS",
)
VENDORS: Final[tuple[str, ...]] = (
    "Fjordlys Design AS", "Tjenestelaget AS", "Brukerbyrået", "Innsikt og Endring AS",
    "Nordlig Tjenestedesign", "Kvist Rådgivning", "Lun Design", "Bro Analyse AS",
    "Tverrfag AS", "Sirkel Innovasjon", "Morild Studio", "Stifinner AS", "Klarsyn Rådgivning",
    "Hjul og Spor AS", "Nabolaget Design", "Grunnmur Konsulent AS",
)

THEMES: Final[tuple[tuple[str, str, str, str], ...]] = (
    # (id, nb, nn, en)
    ("digitalisering", "Digitalisering", "Digitalisering", "Digitalisation"),
    ("barn-og-unge", "Barn og unge", "Barn og unge", "Children and youth"),
    ("eldre", "Eldre", "Eldre", "Older people"),
    ("helse", "Helse", "Helse", "Health"),
    ("psykisk-helse", "Psykisk helse", "Psykisk helse", "Mental health"),
    ("arbeid-og-inkludering", "Arbeid og inkludering", "Arbeid og inkludering",
     "Work and inclusion"),
    ("integrering", "Integrering", "Integrering", "Integration"),
    ("bolig", "Bolig", "Bustad", "Housing"),
    ("samhandling", "Samhandling", "Samhandling", "Cooperation"),
    ("brukerreiser", "Brukerreiser", "Brukarreiser", "User journeys"),
    ("klart-sprak", "Klart språk", "Klarspråk", "Plain language"),
    ("personvern", "Personvern", "Personvern", "Privacy"),
    ("utdanning", "Utdanning", "Utdanning", "Education"),
    ("samferdsel", "Samferdsel", "Samferdsel", "Transport"),
    ("beredskap", "Beredskap", "Beredskap", "Emergency preparedness"),
    ("naeringsliv", "Næringsliv", "Næringsliv", "Business"),
    ("kultur", "Kultur", "Kultur", "Culture"),
    ("rus", "Rus", "Rus", "Substance abuse"),
    ("funksjonsnedsettelse", "Funksjonsnedsettelse", "Funksjonsnedsetjing", "Disability"),
    ("levekar", "Levekår", "Levekår", "Living conditions"),
    ("innkjop", "Innkjøp", "Innkjøp", "Procurement"),
    ("klima-og-miljo", "Klima og miljø", "Klima og miljø", "Climate and environment"),
    ("deling-av-data", "Deling av data", "Deling av data", "Data sharing"),
    ("kunstig-intelligens", "Kunstig intelligens", "Kunstig intelligens",
     "Artificial intelligence"),
    ("frivillighet", "Frivillighet", "Frivilligheit", "Volunteering"),
    ("regelverk", "Regelverk", "Regelverk", "Regulation"),
    ("ledelse", "Ledelse", "Leiing", "Leadership"),
    ("gevinstrealisering", "Gevinstrealisering", "Gevinstrealisering",
     "Benefit realisation"),
)

PHASES: Final[tuple[tuple[str, tuple[str, str, str], tuple[str, str, str]], ...]] = (
    # (id, (nb, nn, en) label, (nb, nn, en) description)
    ("diagnosis", ("Diagnose", "Diagnose", "Diagnosis"), (
        "Vi finner ut hva problemet egentlig er, og for hvem.",
        "Vi finn ut kva problemet eigentleg er, og for kven.",
        "Finding out what the problem really is, and for whom.",
    )),
    ("explore-define", ("Utforske og definere", "Utforske og definere", "Explore and define"), (
        "Vi henter innsikt og avgrenser hva som skal løses.",
        "Vi hentar innsikt og avgrensar kva som skal løysast.",
        "Gathering insight and narrowing down what to solve.",
    )),
    ("develop-deliver", ("Utvikle og levere", "Utvikle og levere", "Develop and deliver"), (
        "Vi lager og tester løsninger sammen med brukerne.",
        "Vi lagar og testar løysingar saman med brukarane.",
        "Building and testing solutions together with users.",
    )),
    ("implementation", ("Implementering", "Implementering", "Implementation"), (
        "Løsningen tas i bruk og forankres i driften.",
        "Løysinga blir teken i bruk og forankra i drifta.",
        "Putting the solution into everyday use.",
    )),
)
