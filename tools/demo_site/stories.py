"""The demo stories: original text written for the Broadsheet project; every person, place, company and event is invented."""

# ruff: noqa: E501 - HTML templates and article prose keep the lines they render as.
from __future__ import annotations

from demo_site.model import (
    fig,
    story,
)

# --- Topics ----------------------------------------------------------------------------------

PORT = "Varnholm port strike"
FLOOD = "River Elde flood"
HEAT = "Heatwave"
SCOPE = "Aldous Telescope"
VACCINE = "RSV vaccine trial"
CHIP = "Halvard chip plant"
AI_BILL = "Automated Decisions Bill"
FOOTBALL = "Coastal League football"
MARATHON = "Varnholm Marathon"
BANK = "Corvane-Saltmere bank merger"
FILM = "Castelvane Film Festival"
MUSEUM = "Marrowgate Maritime Museum"
ELECTION = "Kellsbridge mayoral election"
RAIL = "Elde Valley Line"
HEALTH = "Health services"

# ============================================================================================
# The stories. Original text written for the Broadsheet project; every person, place,
# company and event is invented.
# ============================================================================================

# --- Varnholm port strike --------------------------------------------------------------------

PORT_WIRE_BODY = """
VARNHOLM (Continental Press Agency) — Forty container ships were waiting at anchor off Varnholm on
Tuesday as a strike by dock workers entered its second week, and at least three shipping lines said
they would divert cargo to other ports.

The Dock and Harbour Workers' Union walked out on 7 October over pay and the planned automation of
the port's largest container terminal. No new talks have been scheduled since a meeting at the
National Conciliation Office ended after 40 minutes last Wednesday.

Helmstad Line and Northcape Container Line said vessels due in Varnholm would be rerouted to Saltmere
and to ports abroad, adding two to four days to delivery times. A spokesperson for a third carrier,
Kovacs Maritime, said it was "reviewing each sailing individually".

Exporters of fresh produce have been hardest hit. The Varnholm Chamber of Commerce estimates that
around 1,100 refrigerated containers are stuck on the quayside or aboard waiting ships, and that its
members have lost orders worth about €38 million.

"Every day adds to the bill," said Amira Castellanos, the chamber's president. "We are asking both
sides to go back into a room and stay there."

The union's general secretary, Henrike Solberg, said the union was willing to resume talks "the
moment the employers put something new on the table". Eastquay Terminals, which runs three of the
port's four container terminals, said its 3.1 per cent pay offer remained open.

The port handled 11.6 million tonnes of containerised cargo last year, according to the port
authority.
"""

story(
    "port-walkout",
    "hg",
    PORT,
    headline="Varnholm dockers walk out as pay talks collapse",
    description=(
        "Around 2,400 dock workers stopped work at dawn after the port's operators refused to improve "
        "a 3.1 per cent pay offer or rule out job losses from automated cranes."
    ),
    authors=["Zoë Åkesson", "Callum Reyes"],
    published="2024-10-07T07:40:00+02:00",
    updated="2024-10-07T12:15:00+02:00",
    section="Business",
    tags=["Varnholm port strike", "Port of Varnholm", "Trade unions", "Shipping"],
    figures=[
        fig(
            "pickets-gate-4.jpg",
            "Pickets with union flags at a port gate",
            "Pickets at Gate 4 of the Port of Varnholm on Monday morning.",
            "Photo: Annika Holm / The Harbour Gazette",
        )
    ],
    body="""
Cranes stood idle across the Port of Varnholm on Monday after around 2,400 dock workers walked out at
6am, the first all-out stoppage at the country's busiest port in more than two decades.

The Dock and Harbour Workers' Union (DHWU) called the strike on Sunday evening when a final round of
talks with Eastquay Terminals and the Varnholm Port Authority broke up without agreement. The
employers had offered a 3.1 per cent pay rise for 2025; the union is seeking 7 per cent and a written
guarantee that the automation of Container Terminal 3 will not lead to compulsory redundancies.

"Our members have worked through a pandemic, a fire on Pier 9 and two years of record cargo
volumes," said Henrike Solberg, the union's general secretary, speaking to pickets at Gate 4. "They
are not going to be thanked with a pay cut in real terms and a robot in their seat."

Eastquay Terminals said the offer was "fair and affordable" and that remote-controlled cranes would be
introduced gradually. "No one is being replaced tomorrow," said Mattias Grönberg, the company's chief
operating officer. "We remain ready to talk at any hour."

By mid-morning, eleven container ships were waiting at anchor outside the breakwater, and the port
authority had suspended bookings for refrigerated cargo. Ferry services to the islands, which use a
separate terminal, were running normally.

The strike is open-ended. The [[National Conciliation Office|https://harbourgazette.example/topic/national-conciliation-office]]
said it had invited both sides to separate meetings on Wednesday.
""",
)

story(
    "port-wire-hg",
    "hg",
    PORT,
    headline="Ships queue off Varnholm as port strike enters second week",
    description=(
        "Shipping lines are diverting cargo to rival ports as the walkout by 2,400 dock workers shows "
        "no sign of ending."
    ),
    authors=["Ilse Brandt"],
    wire="CPA",
    published="2024-10-15T14:05:00+02:00",
    section="Business",
    tags=["Varnholm port strike", "Shipping", "Continental Press Agency"],
    figures=[
        fig(
            "ships-at-anchor.jpg",
            "Container ships on a grey sea",
            "Container ships at anchor beyond the Varnholm breakwater on Tuesday.",
            "Photo: Lars Øvergaard / CPA",
        )
    ],
    body=PORT_WIRE_BODY,
)

story(
    "port-wire-lp",
    "lp",
    PORT,
    headline="Forty ships stuck at anchor as Varnholm strike drags on",
    description=(
        "Exporters warn of spoiled goods and lost orders while talks between the dockers' union and "
        "the port operators remain frozen."
    ),
    authors=["Ilse Brandt"],
    wire="CPA",
    published="2024-10-15T15:30",
    figures=[
        fig(
            "ships.jpg",
            "Ships at anchor",
            "Container ships wait outside the harbour at Varnholm.",
            "Photo: Lars Øvergaard / CPA",
        )
    ],
    body=PORT_WIRE_BODY,
)

story(
    "port-hauliers",
    "nc",
    PORT,
    headline="Northfield hauliers count the cost of Varnholm port strike",
    description=(
        "Lorries are parked up and drivers sent home as the walkout at the coast leaves inland firms "
        "with nothing to carry."
    ),
    authors=["José Ibáñez"],
    published="2024-10-22T06:00:00",
    section="Business",
    tags=["Varnholm port strike", "Haulage", "Northfield business"],
    figures=[
        fig(
            "kestner-yard.jpg",
            "Rows of parked lorries",
            "Idle lorries at Kestner Haulage's yard on the Millbrook industrial estate.",
            "Photo: Ben Adeyemi / Northfield Courier",
        )
    ],
    body="""
At Kestner Haulage's yard on the Millbrook industrial estate, 31 of the firm's 44 lorries have not
moved for a fortnight.

"We carry containers from Varnholm to warehouses across the region. No ships, no boxes, no work,"
said managing director Olena Kestner, whose grandfather founded the company in 1968. "We've put
drivers on short hours and we're paying for fuel we can't use and leases on trucks that are standing
still."

The strike by dock workers at the [[Port of Varnholm|/tag/varnholm-port-strike/]], now in its third
week, has rippled inland. The Northfield & District Road Transport Association says 19 of its 27
member firms have cut shifts, and two have laid off agency drivers.

Warehouses on the edge of town are also feeling it. Brindle Logistics, which stores imported
furniture and electrical goods, said its shelves were emptying ahead of the busiest sales period of
the year.

Northfield's business-support office said it would extend its hardship fund, which offers
interest-free loans of up to €20,000 to small firms, to haulage and storage companies affected by
the dispute. Councillor Ruth Abimbola, who chairs the council's economy committee, said the loans
could be approved within ten working days.

Ms Kestner said she understood the dockers' concerns about automation. "But the longer this goes on,
the more of our customers will find other routes," she said. "Some of them won't come back."
""",
)

story(
    "port-deal",
    "md",
    PORT,
    headline="Varnholm port strike ends with deal on pay and automation",
    description=(
        "Dock workers will return on Saturday after accepting a 5.4 percent raise over two years and a "
        "promise of no compulsory layoffs from automation until 2028."
    ),
    authors=["Łukasz Wróbel", "Aoife Ní Bhriain"],
    published="2024-11-01T21:30:00+01:00",
    updated="2024-11-02T09:10:00+01:00",
    section="Business",
    tags=["Varnholm port strike", "Labor", "Shipping"],
    figures=[
        fig(
            "ballot-count.jpg",
            "Union officials counting ballot papers",
            "Union members count ballots at the DHWU hall in Varnholm on Friday.",
            "Photo: Mikael Strand for Meridian Daily",
        )
    ],
    body="""
The four-week strike at the Port of Varnholm ended on Friday night after dock workers voted to accept
a deal that raises pay by 5.4 percent over two years and bars compulsory layoffs linked to automation
until the end of 2028.

Members of the Dock and Harbour Workers' Union backed the agreement by 1,512 votes to 403 in a ballot
that closed at 8 p.m. Work was due to resume with the first shift at 6 a.m. on Saturday.

"This is a settlement our members can be proud of," said Henrike Solberg, the union's general
secretary. "We did not stop automation, and we never said we would. We made sure the people who
built this port get a say in how it changes."

Under the deal, Eastquay Terminals will retrain crane operators at Container Terminal 3 to work the
new remote-control consoles, and a joint committee of managers and union representatives will review
staffing each year. The company will also pay a one-off bonus of €900 to every worker.

Mattias Grönberg, Eastquay's chief operating officer, said the agreement gave the company "the
certainty to invest." The port authority estimated it would take around ten days to clear the
backlog of ships, which peaked at 52 vessels last week.

The strike, the longest at the port since 1998, cost the regional economy an estimated €410 million,
according to the Varnholm Chamber of Commerce.

By Saturday morning, the first container ship to berth in almost a month, the Helmstad Aurora, was
tied up at Terminal 1.
""",
)

story(
    "port-eldetal",
    "er",
    PORT,
    headline="Hafenstreik in Varnholm: Betriebe im Eldetal warten auf ihre Container",
    description=(
        "Seit Montag wird im Hafen von Varnholm gestreikt. Zulieferer und Händler im Eldetal spüren "
        "die Folgen schon nach wenigen Tagen."
    ),
    authors=["Jürgen Weiß"],
    published="2024-10-10T06:30:00+02:00",
    section="Wirtschaft",
    tags=["Hafenstreik", "Varnholm", "Eldetal", "Wirtschaft"],
    figures=[
        fig(
            "terminal-3-stillstand.jpg",
            "Leere Kräne am Containerterminal",
            "Stillstand am Containerterminal 3 in Varnholm.",
            "Foto: Dirk Schäfer / Eldetaler Rundschau",
        )
    ],
    body="""
Der Streik der Hafenarbeiter in Varnholm trifft die Wirtschaft im Eldetal schneller als erwartet.
Bereits am dritten Streiktag meldeten mehrere Betriebe zwischen Wendlau und Kesselfurt, dass
bestellte Waren nicht mehr ankommen.

„Wir haben 14 Container mit Kunststoffgranulat auf einem Schiff, das vor Varnholm vor Anker liegt“,
sagt Friederike Lämmle, Geschäftsführerin des Verpackungsherstellers Lämmle & Söhne in Wendlau.
„Reicht der Vorrat nicht, müssen wir ab nächster Woche die Produktion drosseln.“

Auch der Handel ist betroffen. Die Möbelhauskette Holzwerk Elde wartet nach eigenen Angaben auf rund
60 Container aus Übersee. Ein Sprecher sagte, man prüfe, Ware über den kleineren Hafen Saltmere
umzuleiten, dort seien die Kapazitäten aber knapp.

Die Gewerkschaft der Hafen- und Dockarbeiter fordert sieben Prozent mehr Lohn und eine Garantie,
dass die Automatisierung des Containerterminals 3 nicht zu Entlassungen führt. Der Terminalbetreiber
Eastquay Terminals bietet bislang 3,1 Prozent.

Die Industrie- und Handelskammer Eldetal rief beide Seiten auf, rasch an den Verhandlungstisch
zurückzukehren. „Jeder Streiktag kostet die Region Geld und Vertrauen“, sagte Kammerpräsident Anton
Brückner. Ein Ende des Ausstands ist bislang nicht in Sicht; die Gewerkschaft hat den Streik
unbefristet ausgerufen.
""",
)

# --- River Elde flood ------------------------------------------------------------------------

story(
    "flood-bursts",
    "lp",
    FLOOD,
    headline="Elde bursts its banks as Storm Ottilie batters the valley",
    description=(
        "Hundreds of homes in Brackwater and Ludd's Ferry are under water and 1,900 people have been "
        "moved to emergency shelters."
    ),
    authors=["Marta Oyelaran-Svensson", "Tomáš Novák"],
    published="2024-02-11T08:55",
    updated="2024-02-11T19:30",
    figures=[
        fig(
            "boat.jpg",
            "Firefighters in a boat on a flooded street",
            "Firefighters use a boat to reach homes on Ferry Road, Brackwater.",
            "Photo: Ines Carvalho / The Lantern Post",
        ),
        fig(
            "gauge.jpg",
            "A river gauge post half under water",
            "The Elde at the Wendlau gauge on Sunday morning.",
            "Photo: Environment and Rivers Agency",
            after=3,
        ),
    ],
    body="""
The river Elde overtopped its banks in at least six places overnight as Storm Ottilie brought more
than a month's rain to the valley in 36 hours, flooding around 600 homes in Brackwater and Ludd's
Ferry.

Emergency services evacuated 1,900 residents from the lowest-lying streets, many of them by boat.
Rest centres were opened at Brackwater Leisure Centre and St Aidan's School, where volunteers handed
out blankets and hot drinks through the night.

At the Wendlau gauge upstream, the river reached 6.82 metres shortly after 3am, the highest level
recorded there since 1956. The Environment and Rivers Agency issued a severe flood warning, its
highest level, for the stretch between Wendlau and the estuary.

In Brackwater, water poured over the temporary barrier on Quay Street, a section of the town's
long-planned flood defences that was never completed. "It came up through the drains first, then
over the wall," said Gerald Pennock, 71, who was taken from his bungalow on Ferry Road by
firefighters at 4am. "I've lived here 40 years and never seen it like that."

Rail services between Brackwater and Northfield were suspended and the valley road was closed at
Ludd's Ferry. The agency said levels would stay high until at least Tuesday.

By Sunday evening, no deaths or serious injuries had been reported. The county council said it would
set up a recovery fund for households without insurance.
""",
)

story(
    "flood-sandbags",
    "nc",
    FLOOD,
    headline="Northfield volunteers fill sandbags as Elde floodwater moves downstream",
    description=(
        "More than 300 people turned out at the Corn Exchange to help protect homes along the river, "
        "where the water is expected to peak early on Tuesday."
    ),
    authors=["Priya Raman"],
    published="2024-02-12T17:45:00+01:00",
    updated="2024-02-13T08:00:00+01:00",
    section="News",
    tags=["River Elde flood", "Storm Ottilie", "Northfield"],
    figures=[
        fig(
            "sandbags.jpg",
            "Volunteers with shovels and sandbags",
            "Volunteers fill sandbags at the Corn Exchange car park on Monday.",
            "Photo: Ben Adeyemi / Northfield Courier",
        )
    ],
    body="""
More than 300 volunteers filled and stacked sandbags in Northfield on Monday as the flood peak from
Storm Ottilie moved down the river Elde towards the town.

The council opened the Corn Exchange car park as a collection point at 9am, and by mid-afternoon
14,000 bags had been filled and delivered to homes in Riverside, Mill Lane and the lower end of Abbey
Road.

"People just turned up with spades," said Chloé Bertrand-Ashby, who organised volunteers through the
Riverside residents' group. "We had students, pensioners, the rugby club, a whole shift of off-duty
nurses."

The Environment and Rivers Agency expects the Elde to peak in Northfield early on Tuesday at about
4.1 metres, some 30 centimetres below the top of the town's flood wall, which was raised after the
floods of 2007. Officials said the wall should hold but warned of surface flooding where drains back
up.

Upstream in Brackwater and Ludd's Ferry, where about 600 homes flooded on Sunday, the water had begun
to fall. Some residents were allowed back to collect belongings.

Update, Tuesday 8am: the river peaked at 4.04 metres at 3.20am without overtopping the wall, the
agency said. Riverside Primary School will stay closed today as a precaution.
""",
)

story(
    "flood-barrier",
    "md",
    FLOOD,
    headline="After the Elde flood, questions over a barrier that was never finished",
    description=(
        "Brackwater's flood defenses were approved in 2016 and are still only half built. Residents "
        "want to know why."
    ),
    authors=["Søren Kjærgaard"],
    published="2024-02-14T07:00:00+01:00",
    section="Climate",
    tags=["River Elde flood", "Flood defenses", "Brackwater", "Climate adaptation"],
    figures=[
        fig(
            "quay-street-barrier.jpg",
            "Water-filled tubes lining a street",
            "A temporary barrier on Quay Street, Brackwater, after the water receded.",
            "Photo: Mikael Strand for Meridian Daily",
        )
    ],
    body="""
When Storm Ottilie pushed the river Elde into Brackwater's streets on Sunday, the water found the one
stretch of the town's flood barrier that exists only on paper.

The €74 million Brackwater defense scheme was approved in 2016 to protect about 1,100 homes with a
mix of concrete walls, earth embankments and demountable barriers. Eight years later, the walls along
the upper town are finished, but the 700-meter section along Quay Street and Ferry Road is protected
only by a temporary barrier of water-filled tubes.

That section failed early on Sunday, according to the Environment and Rivers Agency, which said the
tubes had been "overtopped rather than breached."

The agency blamed the delays on a legal dispute with the original contractor, Draycott Civil, which
left the site in 2020, and on rising construction costs. A new contract was awarded last year and
work on the final section was due to begin in April.

"We were told every year that it was coming," said Yetunde Farrow, whose house on Ferry Road had 80
centimeters of water on the ground floor. "Now we are being told it would not have made a difference
anyway. Which is it?"

Hydrologists say the storm was extreme but no longer unusual. Dr. Ansgar Lindqvist of Fennick
University said rainfall totals of this kind, once expected every 100 years, were now likely every
30 to 40 years in the upper Elde catchment.

The county council has asked for an independent review of the scheme. The agency said it would
publish a timetable for completing the barrier within a month.
""",
)

story(
    "flood-wendlau-record",
    "er",
    FLOOD,
    headline="Elde-Hochwasser: Pegel in Wendlau so hoch wie seit 1956 nicht mehr",
    description=(
        "Sturmtief Ottilie hat die Elde über die Ufer treten lassen. In Wendlau stand das Wasser in "
        "der Nacht auf Sonntag bei 6,82 Metern."
    ),
    authors=["Sabine Hölzl", "Jürgen Weiß"],
    published="2024-02-11T10:20:00+01:00",
    updated="2024-02-11T16:45:00+01:00",
    section="Region",
    tags=["Hochwasser", "Elde", "Wendlau", "Sturmtief Ottilie"],
    figures=[
        fig(
            "muehlgasse.jpg",
            "Überflutete Gasse mit Fachwerkhäusern",
            "Die überflutete Mühlgasse in Wendlau am Sonntagmorgen.",
            "Foto: Sabine Hölzl / Eldetaler Rundschau",
        )
    ],
    body="""
Das Hochwasser der Elde hat in der Nacht zum Sonntag einen Rekordstand erreicht. Am Pegel Wendlau
wurden kurz nach 3 Uhr 6,82 Meter gemessen – so viel wie seit dem Februar 1956 nicht mehr. Normal
sind an dieser Stelle etwa 2,40 Meter.

In der Wendlauer Unterstadt standen Keller und Erdgeschosse in der Mühlgasse und am Fischmarkt unter
Wasser. Die Feuerwehr pumpte nach Angaben von Kreisbrandmeister Uwe Kästner die ganze Nacht; rund 150
Einsatzkräfte aus dem gesamten Landkreis waren im Einsatz.

„Die Deiche haben gehalten, das ist die gute Nachricht“, sagte Bürgermeisterin Helga Grünwald am
Vormittag. „Aber die Schäden in der Altstadt sind erheblich.“ Die Stadt richtete in der Turnhalle der
Elde-Realschule eine Notunterkunft ein, in der 85 Menschen übernachteten.

Flussabwärts, in Brackwater und Ludd's Ferry, ist die Lage noch ernster: Dort wurden nach
Behördenangaben rund 600 Häuser überflutet und 1.900 Menschen in Sicherheit gebracht.

Nach Angaben des Wetterdienstes fielen im oberen Eldetal innerhalb von 36 Stunden bis zu 140 Liter
Regen pro Quadratmeter. Für Montag wird trockeneres Wetter erwartet. Der Pegel in Wendlau sinkt seit
dem Mittag langsam, lag am Nachmittag aber noch immer bei mehr als sechs Metern.
""",
)

story(
    "flood-wendlau-dykes",
    "er",
    FLOOD,
    headline="Ein halbes Jahr nach dem Hochwasser: Wendlau erhöht seine Deiche",
    description=(
        "Im Februar stand die Elde so hoch wie seit Jahrzehnten nicht. Jetzt beginnen die "
        "Bauarbeiten – doch nicht alle Anwohner sind überzeugt."
    ),
    authors=["Katrin Öztürk"],
    published="2024-09-05T05:45:00+02:00",
    section="Region",
    tags=["Hochwasser", "Elde", "Hochwasserschutz", "Wendlau"],
    body="""
Sieben Monate nach dem Rekordhochwasser der Elde haben in Wendlau die Arbeiten an den Deichen
begonnen. Auf einer Länge von 2,3 Kilometern sollen die Dämme zwischen der Eisenbahnbrücke und dem
Fischmarkt um bis zu 80 Zentimeter erhöht werden.

Die Kosten von 18,5 Millionen Euro tragen zu zwei Dritteln das Land und zu einem Drittel die Stadt.
Die Arbeiten sollen im Herbst 2026 abgeschlossen sein. Während der Bauzeit bleibt der Uferweg
zwischen Eisenbahnbrücke und Fischmarkt abschnittsweise gesperrt.

„Im Februar hatten wir Glück, dass die Deiche gehalten haben“, sagte Bürgermeisterin Helga Grünwald
beim ersten Spatenstich am Mittwoch. „Auf Glück wollen wir uns beim nächsten Mal nicht verlassen.“

In der Unterstadt ist die Stimmung gemischt. Viele Keller sind noch immer nicht vollständig
getrocknet, einige Geschäfte am Fischmarkt haben bis heute nicht wieder geöffnet. Bäckermeister
Tobias Rüdiger, dessen Backstube einen halben Meter unter Wasser stand, begrüßt die Pläne, hält sie
aber für unvollständig: „Das Wasser kam bei uns nicht über den Deich, sondern durch die
Kanalisation.“

Die Stadt will deshalb zusätzlich Rückstauklappen im Kanalnetz der Altstadt einbauen. Ein Gutachten
dazu soll bis Jahresende vorliegen.
""",
)

# --- Heatwave --------------------------------------------------------------------------------

story(
    "heat-record",
    "hg",
    HEAT,
    headline="Castelvane sets national temperature record of 39.4C",
    description=(
        "The heat broke a record that had stood since 2019, as health officials extended the red alert "
        "to Sunday and fire crews fought heath fires on Hollin Ridge."
    ),
    authors=["Nguyễn Thị Lan"],
    published="2025-07-17T18:20:00+02:00",
    updated="2025-07-17T20:05:00+02:00",
    section="Climate",
    tags=["Heatwave", "Weather", "Castelvane", "Climate change"],
    flags={"graph"},
    figures=[
        fig(
            "town-beach.jpg",
            "A crowded beach under a hazy sky",
            "Sunbathers on the Varnholm town beach on Thursday.",
            "Photo: Annika Holm / The Harbour Gazette",
        )
    ],
    body="""
A weather station in Castelvane recorded 39.4C on Thursday afternoon, the highest temperature ever
measured in the country, as the fourth day of an intense heatwave pushed temperatures past 37C across
the south and east.

The National Weather Office said the reading, taken at 3.40pm at the Castelvane airfield station,
beat the previous record of 38.1C set at Saltmere in July 2019. It will be formally verified in the
coming weeks.

"A record like this would have been close to impossible in the climate of fifty years ago," said Dr
Mirela Constantin, a climate scientist at the weather office. "Heat of this intensity is becoming a
regular part of our summers."

The Health Protection Service extended its red heat-health alert, the highest level, until Sunday,
and urged people to check on older neighbours and avoid strenuous activity between 11am and 5pm.
Several hospitals in the south reported a rise in admissions for heat exhaustion and dehydration.

Firefighters spent the afternoon tackling two heath fires on Hollin Ridge, north of Castelvane. About
40 hectares burned and a footpath near the observatory was closed, but no buildings were damaged.

In Saltmere, the water company asked customers to avoid using hoses and sprinklers after demand rose
to 30 per cent above normal.

Temperatures are forecast to ease slightly on Friday, with highs of 36C, before thunderstorms bring
relief from Sunday evening.
""",
)

story(
    "heat-northfield",
    "nc",
    HEAT,
    headline="Red heat alert: how Northfield's schools, buses and care homes are coping",
    description=(
        "Schools are shortening the day, bus drivers are getting extra water breaks and care homes are "
        "moving residents into cooled rooms as temperatures head for 37C."
    ),
    authors=["Priya Raman", "Ewan Trelawney"],
    published="2025-07-15T07:00:00+02:00",
    section="News",
    tags=["Heatwave", "Northfield", "Schools"],
    figures=[
        fig(
            "millbrook-fountains.jpg",
            "Children running through fountains",
            "Children play in the fountains at Millbrook Park on Monday.",
            "Photo: Ben Adeyemi / Northfield Courier",
        )
    ],
    body="""
With the heatwave tightening its grip and the Health Protection Service's red heat alert in force
until at least Friday, schools, transport operators and care homes in Northfield are changing their
routines to cope with temperatures forecast to reach 37C.

Eleven of the town's 16 primary schools will finish at 1.30pm for the rest of the week, and sports
day at Abbey Road Primary has been postponed. Headteacher Gwen Halloran said classrooms on the south
side of the building had reached 31C by 10am on Monday. "We simply can't teach in that," she said.

Northfield Buses has told drivers they may stop for water at any terminus and has taken its five
oldest vehicles, which have no air conditioning, off the road. Some routes will run every 20 minutes
instead of every 15.

At Elmhurst House care home, staff have moved lounge furniture into the dining room, the only space
with air cooling, and are checking every resident's fluid intake every two hours. "Older people often
don't feel thirsty until it's too late," said manager Rosalind Achebe-Finch.

The council has opened four "cool spaces" — the central library, the Corn Exchange, the Riverside
community centre and the leisure centre foyer — from 10am to 7pm. The outdoor pool at Millbrook Park
will stay open until 9pm.

Forecasters expect the heat to peak on Thursday before thunderstorms arrive over the weekend.
""",
)

story(
    "heat-record-fr",
    "md",
    HEAT,
    headline="Canicule : Castelvane bat le record national de chaleur",
    description=(
        "Le thermomètre a atteint 39,4 °C jeudi après-midi, battant le record de 2019. L'alerte rouge "
        "est prolongée jusqu'à dimanche."
    ),
    authors=["François Lemaître"],
    published="2025-07-17T21:00:00+02:00",
    updated="2025-07-18T08:30:00+02:00",
    section="Climat",
    tags=["canicule", "Castelvane", "record", "climat"],
    language="fr-FR",
    slug="canicule-castelvane-record-national-chaleur",
    figures=[
        fig(
            "lac-castelvane.jpg",
            "Baigneurs au bord d'un lac",
            "Des baigneurs au lac de Castelvane, jeudi.",
            "Photo : Mikael Strand pour Meridian Daily",
        )
    ],
    body="""
La ville de Castelvane a enregistré jeudi 39,4 °C, la température la plus élevée jamais mesurée dans
le pays. Le précédent record, 38,1 °C, avait été relevé à Saltmere en juillet 2019.

La mesure a été effectuée à 15 h 40 à la station de l'aérodrome de Castelvane, a précisé l'Office
national de météorologie, qui doit encore la valider officiellement dans les prochaines semaines.

« Une telle valeur aurait été presque impossible dans le climat d'il y a cinquante ans », a déclaré
la climatologue Mirela Constantin. « Ces vagues de chaleur deviennent la norme de nos étés. »

Le Service de protection de la santé a prolongé jusqu'à dimanche l'alerte rouge, son niveau le plus
élevé. Il recommande d'éviter les efforts physiques entre 11 heures et 17 heures et de prendre des
nouvelles des personnes âgées et isolées.

Sur la crête de Hollin, au nord de Castelvane, les pompiers ont lutté tout l'après-midi contre deux
feux de lande. Une quarantaine d'hectares ont brûlé, sans dégâts pour les habitations. Un sentier
proche de l'observatoire a été fermé par précaution.

À Saltmere, la compagnie des eaux demande aux habitants de ne plus arroser les jardins ni remplir les
piscines, la consommation dépassant de 30 % la normale.

Les prévisionnistes annoncent une légère baisse des températures vendredi, avant l'arrivée d'orages à
partir de dimanche soir.
""",
)

# --- Aldous Telescope ------------------------------------------------------------------------

story(
    "scope-first-light",
    "md",
    SCOPE,
    headline="Aldous Telescope sees first light on Hollin Ridge",
    description=(
        "The 4.2-meter instrument, the largest optical telescope in the country, took its first images "
        "on Thursday night after nine years of planning and construction."
    ),
    authors=["Łukasz Wróbel"],
    published="2024-03-22T11:00:00+01:00",
    section="Science",
    tags=["Aldous Telescope", "Hollin Ridge Observatory", "Astronomy"],
    figures=[
        fig(
            "aldous-dome.jpg",
            "A white observatory dome on a hilltop",
            "The dome of the Aldous Telescope on Hollin Ridge at dusk.",
            "Photo: Hollin Ridge Observatory",
        )
    ],
    body="""
The Aldous Telescope on Hollin Ridge captured its first images on Thursday night, a milestone
astronomers call "first light" and the end of a nine-year, €190 million project to build the largest
optical telescope in the country.

The first target was the Orion Nebula, chosen, said observatory director Professor Adaeze Lundgren,
"because everyone knows what it should look like, so everyone can see how good the pictures are."

The telescope's 4.2-meter primary mirror was cast in 2019 and polished over three years to an
accuracy of about 20 nanometers. It sits in a new dome 1,150 meters above sea level, where the
ridge's dry air and dark skies give some of the best observing conditions in the region.

"For the first time we can do front-line survey work from our own soil," Lundgren said. "Students at
Fennick will be taking data here next month."

The telescope will spend its first two years on a survey of the sky around the Milky Way, searching
for faint dwarf galaxies and streams of stars torn from them. About 30 percent of its observing time
will be open to astronomers from other institutions.

The observatory plans public open evenings from the summer. Local groups had campaigned for years for
lighting restrictions in nearby villages, which were introduced in 2022 to protect the site's dark
skies.
""",
)

story(
    "scope-galaxy",
    "hg",
    SCOPE,
    headline="Hollin Ridge astronomers find faint galaxy orbiting the Milky Way",
    description=(
        "Hollin I, a dwarf galaxy containing only a few thousand stars, is the first major discovery "
        "from the Aldous Telescope's sky survey."
    ),
    authors=["Zoë Åkesson"],
    published="2025-09-09T16:00:00+02:00",
    section="Science",
    tags=["Aldous Telescope", "Hollin Ridge Observatory", "Astronomy", "Dwarf galaxies"],
    flags={"graph"},
    figures=[
        fig(
            "ekwueme-berg.jpg",
            "A researcher in front of computer screens",
            "Dr Jonas Ekwueme-Berg with survey images of Hollin I at the observatory.",
            "Photo: Kristoffer Lind / The Harbour Gazette",
        )
    ],
    body="""
Astronomers using the Aldous Telescope on Hollin Ridge have discovered one of the faintest galaxies
ever found, a tiny satellite of the Milky Way about 280,000 light years from Earth.

The galaxy, named Hollin I after the observatory, contains only a few thousand stars and is hundreds
of thousands of times less luminous than the Large Magellanic Cloud. It appeared in the survey data
as a slight overdensity of old, faint stars in the constellation Boötes.

"At first we thought it was a processing error," said Dr Jonas Ekwueme-Berg, the postdoctoral
researcher who spotted it. "Then we looked at the colours and motions of the stars and they were all
moving together. That is a galaxy."

The results, published on Tuesday in a peer-reviewed astronomy journal, suggest Hollin I is dominated
by dark matter, with its visible stars making up less than one per cent of its total mass. Such
ultra-faint dwarfs are prized by cosmologists because they test theories of how the smallest
galaxies form.

Professor Adaeze Lundgren, the observatory's director, said the find justified the decision to
devote the telescope's first two years to a deep survey rather than to individual targets. "This is
exactly what we built it for," she said.

The team expects to find several more dwarf galaxies as the survey covers the remaining third of its
planned area by the end of 2026.
""",
)

story(
    "scope-open-night",
    "lp",
    SCOPE,
    headline="Hollin Ridge opens its doors after galaxy discovery",
    description="Hundreds queued on a cold hillside to look through the telescope that found Hollin I.",
    authors=["Hélène Marchetti"],
    published="2025-09-14",
    figures=[
        fig(
            "queue.jpg",
            "A queue of people outside a dome at night",
            "Visitors queue outside the Aldous Telescope dome on Saturday.",
            "Photo: Ines Carvalho / The Lantern Post",
        )
    ],
    body="""
More than 600 people made the trip up Hollin Ridge on Saturday evening for the observatory's first
open night since astronomers there announced the discovery of a new galaxy orbiting our own.

Cars lined the single-track road for almost two kilometres below the summit, and a shuttle bus from
Castelvane station ran every half hour. Staff had planned for 250 visitors.

Visitors could not look directly at Hollin I, which is far too faint to be seen through an eyepiece,
but they were shown the survey images on a large screen in the visitor centre and given tours of the
dome that houses the 4.2-metre Aldous Telescope. A smaller telescope on the terrace was turned
towards Saturn.

"I've been reading about it all week, so I wanted to see where it happened," said Priyanka Holm, 12,
who came with her father from Kellsbridge. "Saturn was better than the galaxy, though."

Dr Jonas Ekwueme-Berg, who first spotted the galaxy in the survey data, gave three talks during the
evening, each to a full room.

The observatory's outreach officer, Ruth Mbatha-Olsen, said more open nights would be added in
October and November, with timed tickets to avoid the congestion on the road. Tickets are free but
must be booked in advance.
""",
)

# --- RSV vaccine trial -----------------------------------------------------------------------

story(
    "rsv-recruiting",
    "nc",
    VACCINE,
    headline="Fennick hospital starts recruiting for RSV vaccine trial",
    description=(
        "Adults aged 60 and over are being invited to join a study of a new vaccine against "
        "respiratory syncytial virus made by Solenne Biologics."
    ),
    authors=["Ewan Trelawney"],
    published="2024-05-06",
    section="Health",
    tags=["RSV vaccine trial", "Solenne Biologics", "Fennick University Hospital"],
    figures=[
        fig(
            "mensah-holt.jpg",
            "A doctor in a hospital corridor",
            "Dr Farida Mensah-Holt at Fennick University Hospital's research unit.",
            "Photo: Fennick University Hospital",
        )
    ],
    body="""
Fennick University Hospital has begun recruiting volunteers for a large trial of an experimental
vaccine against respiratory syncytial virus, or RSV, a common winter infection that can be dangerous
for older people.

The vaccine, known as SB-214, is made by Solenne Biologics, a company based on the Fennick science
park. The final-stage trial aims to enrol 9,000 adults aged 60 and over at Fennick and eleven other
hospitals before the winter.

Half of the volunteers will receive the vaccine and half a placebo injection. Neither they nor the
doctors treating them will know which until the study ends. Participants will be asked to report any
cough, cold or breathing symptoms and to have a nasal swab taken if they fall ill.

"RSV puts thousands of older adults in hospital every winter, and we see them on our wards," said Dr
Farida Mensah-Holt, the consultant leading the trial at Fennick. "A good vaccine could take a lot of
pressure off the whole system."

Earlier studies in about 1,200 people found the vaccine produced a strong immune response and mostly
mild side effects, such as a sore arm and tiredness for a day or two.

Volunteers must be 60 or older and must not have had an RSV vaccine before. Participants will visit
the hospital four times over two years and receive travel expenses. Details are available from the
hospital's research office.
""",
)

story(
    "rsv-results",
    "md",
    VACCINE,
    headline="Experimental RSV vaccine cut serious illness in older adults by 78%, trial finds",
    description=(
        "Solenne Biologics' SB-214 protected people aged 60 and over through their first winter, "
        "according to results from a 9,000-person trial."
    ),
    authors=["Aoife Ní Bhriain"],
    published="2025-06-12T14:00:00+02:00",
    updated="2025-06-12T18:25:00+02:00",
    section="Health",
    tags=["RSV vaccine trial", "Solenne Biologics", "Vaccines"],
    figures=[
        fig(
            "sb-214-vials.jpg",
            "Rows of small glass vials",
            "Vials of SB-214 at Solenne Biologics' plant on the Fennick science park.",
            "Photo: Solenne Biologics",
        )
    ],
    body="""
An experimental vaccine against respiratory syncytial virus reduced RSV lung infections in older
adults by 78 percent over their first winter, according to results of a late-stage trial released on
Thursday.

The trial of SB-214, made by Fennick-based Solenne Biologics, enrolled 9,046 people aged 60 and over
at 12 hospitals. Among those who received a placebo, 61 developed RSV lower respiratory tract disease
— infection reaching the lungs — during the season, compared with 13 in the vaccinated group.

Protection was similar in people over 75 and in those with heart or lung conditions, the groups most
at risk of severe illness, although the researchers cautioned that the number of cases in those
subgroups was small.

Side effects were mostly mild. About a third of vaccinated volunteers reported a sore arm, and one in
ten felt tired for a day or two. Rates of serious adverse events were the same in both groups.

"These are strong results, and they hold up across the groups that matter most," said Dr Farida
Mensah-Holt, who led the trial at Fennick University Hospital. Independent experts were more
cautious. Professor Nikolai Varga of the Institute for Infection Research said the key question was
"how long protection lasts into a second and third winter."

Solenne said it would submit the data to regulators in the fall. The company's shares closed 14
percent higher.
""",
)

story(
    "rsv-volunteers",
    "hg",
    VACCINE,
    headline="Varnholm volunteers in RSV trial: 'I wanted to do something useful'",
    description=(
        "Among the 9,000 people who tested Solenne Biologics' vaccine were more than 600 from "
        "Varnholm. Two of them describe taking part."
    ),
    authors=["Callum Reyes"],
    published="2025-06-13T06:30:00+02:00",
    section="Health",
    tags=["RSV vaccine trial", "Solenne Biologics", "Varnholm"],
    figures=[
        fig(
            "eriksen-palmer.jpg",
            "An older woman at her kitchen table",
            "Margit Eriksen-Palmer at her home in Varnholm's Old Harbour district.",
            "Photo: Annika Holm / The Harbour Gazette",
        )
    ],
    body="""
When Margit Eriksen-Palmer saw a poster at her GP surgery in May last year asking for volunteers over
60, she rang the number the same afternoon.

"I had RSV three winters ago and it knocked me flat for a month," said the retired ferry engineer,
68, from the Old Harbour district. "I thought, if there's a chance of stopping that happening to
other people, I wanted to do something useful."

Ms Eriksen-Palmer was one of 614 Varnholm residents among the 9,046 people who took part in the trial
of SB-214, a vaccine against respiratory syncytial virus. Results published on Thursday showed it cut
RSV lung infections by 78 per cent over the first winter.

Volunteers were not told whether they had received the vaccine or a dummy injection, and Ms
Eriksen-Palmer still does not know. "My arm was sore for a day, so I like to think I got the real
thing," she said.

Her neighbour, Tomasz Albrecht, 74, joined after his wife was taken to hospital with RSV pneumonia.
"The nurses at the Varnholm clinic were wonderful. They rang me every week to ask if I had a cough,"
he said. "I've never been so interested in my own sniffles."

Participants will be followed for a second winter to see how long protection lasts. Both said they
would volunteer again.
""",
)

# --- Halvard chip plant ----------------------------------------------------------------------

story(
    "chip-announced",
    "nc",
    CHIP,
    headline="Halvard picks Tarrowby for €3.8bn chip plant",
    description=(
        "The semiconductor maker says the factory will employ 1,400 people and make chips for cars and "
        "industrial machinery from the end of 2025."
    ),
    authors=["José Ibáñez"],
    published="2024-01-23T12:30:00+01:00",
    section="Business",
    tags=["Halvard Semiconductor", "Tarrowby chip plant", "Jobs"],
    figures=[
        fig(
            "tarrowby-airfield.jpg",
            "An empty runway under a wide sky",
            "The former airfield at Tarrowby where the plant will be built.",
            "Photo: Ben Adeyemi / Northfield Courier",
        )
    ],
    body="""
Halvard Semiconductor has chosen a former airfield at Tarrowby, 20 kilometres east of Northfield, as
the site of a €3.8 billion chip factory that it says will create 1,400 permanent jobs.

The plant will produce chips on mature 28-nanometre technology, used in car braking systems, electric
motors and factory equipment rather than phones or computers. Construction is due to start in the
spring, with production beginning at the end of 2025.

"Tarrowby has the land, the power connection and, above all, the people," said Halvard's chief
executive, Dr Ingrid Osterhaus, at a press conference in the old control tower. "Within an hour's
drive we have three universities and an engineering tradition going back a hundred years."

The government will contribute €950 million in grants and tax relief under its strategic industries
programme. Around 3,000 workers are expected to be needed during construction.

Local reaction was mostly warm. "My son moved away to find work in electronics. Maybe now he can come
home," said Dorothea Ribeiro, who runs a café on Tarrowby's high street. But the Elde Valley Anglers'
Association warned that the plant's water use, which Halvard estimates at up to 9 million litres a
day, could lower the river in dry summers.

Halvard said it would recycle most of the water it uses and publish an environmental assessment
before planning permission is decided.
""",
)

story(
    "chip-water",
    "er",
    CHIP,
    headline="Chipfabrik in Tarrowby: Sorge um das Wasser der Elde",
    description=(
        "Halvard Semiconductor will für sein neues Werk bis zu neun Millionen Liter Wasser am Tag "
        "entnehmen. Fischer und Landwirte im Eldetal sind alarmiert."
    ),
    authors=["Katrin Öztürk"],
    published="2024-08-20T07:00:00+02:00",
    section="Wirtschaft",
    tags=["Halvard Semiconductor", "Chipfabrik", "Elde", "Wasser"],
    figures=[
        fig(
            "elde-kesselfurt.jpg",
            "Ein flacher Fluss mit Kiesbänken",
            "Die Elde bei Kesselfurt im Spätsommer.",
            "Foto: Katrin Öztürk / Eldetaler Rundschau",
        )
    ],
    body="""
Die geplante Chipfabrik von Halvard Semiconductor in Tarrowby sorgt im Eldetal für Unruhe. Nach dem
jetzt veröffentlichten Umweltgutachten will das Unternehmen für die Produktion bis zu neun Millionen
Liter Wasser pro Tag aus der Elde entnehmen.

„Im Sommer führt die Elde bei Kesselfurt manchmal kaum mehr als einen Meter Wasser“, sagt Hubert
Strömberg vom Fischereiverein Kesselfurt. „Wenn dann noch eine Fabrik Millionen Liter abzieht, wird
es für die Fische eng.“

Auch Landwirte, die Wasser für die Bewässerung entnehmen, fürchten Einschränkungen. Der Bauernverband
fordert, dass die Fabrik in Trockenperioden ihre Entnahme automatisch drosseln muss.

Halvard verweist darauf, dass rund 85 Prozent des Wassers aufbereitet und wiederverwendet werden
sollen. Das gereinigte Abwasser werde in die Elde zurückgeleitet. „Unter dem Strich entnehmen wir
deutlich weniger, als die Zahl von neun Millionen Litern vermuten lässt“, sagte Werksleiter Niklas
Fährmann.

Die Wasserbehörde will bis November über die Genehmigung entscheiden. Bis zum 15. September können
Bürgerinnen und Bürger Einwände einreichen. Der Fischereiverein kündigte an, eine gemeinsame
Stellungnahme mit den Landwirten vorzulegen.
""",
)

story(
    "chip-opens",
    "lp",
    CHIP,
    headline="Halvard’s Tarrowby chip plant opens, a year late and €600m over budget",
    description=(
        "The factory’s first wafers came off the line on Monday, but only 900 of the promised 1,400 "
        "jobs have been filled so far."
    ),
    authors=["Rhiannon Abernethy-Cole", "Andrés Peña"],
    published="2025-11-18T10:05",
    updated="2025-11-18T14:30",
    flags={"cp1252"},
    figures=[
        fig(
            "cleanroom.jpg",
            "Workers in white suits in a clean room",
            "Staff in the clean room at Halvard’s Tarrowby plant.",
            "Photo: Halvard Semiconductor",
        )
    ],
    body="""
Halvard Semiconductor’s factory at Tarrowby formally opened on Monday, almost a year behind schedule
and about €600 million over its original €3.8 billion budget.

The first batch of silicon wafers, each carrying several hundred chips for car braking and power
systems, was carried out of the clean room to applause from about 300 staff and guests. Full
production is not expected until the second half of 2026.

Halvard’s chief executive, Dr Ingrid Osterhaus, blamed the delays on a shortage of specialist
construction workers and on the late delivery of lithography equipment. “Building a chip factory is
not like building a warehouse,” she said. “Every tool has to be installed to a fraction of a
millimetre.”

The company has so far hired 900 permanent staff, two thirds of them from within 50 kilometres. It
says it will reach 1,400 by the end of next year, but unions say many of the new jobs are on
temporary contracts through agencies.

Water use, the most contentious issue during planning, is being monitored by the water authority.
Under the permit granted last year, the plant must cut its extraction from the Elde when the river
falls below a set level at Kesselfurt.

“It’s good to see lights on over there at last,” said Dorothea Ribeiro, whose café on the high
street now opens at 5.30am for the early shift. “But we’ll believe in the 1,400 jobs when we see
them.”
""",
)

# --- Automated Decisions Bill ----------------------------------------------------------------

story(
    "ai-bill-passes",
    "hg",
    AI_BILL,
    headline="Assembly passes Automated Decisions Bill after late-night vote",
    description=(
        "The law will require public bodies, employers and lenders to assess and explain decisions made "
        "by algorithms, with fines of up to 4 per cent of turnover."
    ),
    authors=["Callum Reyes", "Zoë Åkesson"],
    published="2024-09-26T00:45:00+02:00",
    updated="2024-09-26T09:30:00+02:00",
    section="Politics",
    tags=["Automated Decisions Bill", "AI regulation", "Assembly"],
    flags={"graph"},
    figures=[
        fig(
            "assembly-chamber.jpg",
            "A parliamentary chamber seen from the gallery",
            "Members of the Assembly during the debate on Wednesday evening.",
            "Photo: Kristoffer Lind / The Harbour Gazette",
        )
    ],
    body="""
The Assembly passed the Automated Decisions Bill shortly after midnight on Thursday by 212 votes to
141, making the country one of the first to set binding rules on how algorithms may be used to make
decisions about people.

The law requires public bodies, and private companies using automated systems in hiring, lending,
insurance and tenancy decisions, to carry out an impact assessment before a system goes live, to tell
people when a decision about them was made or shaped by software, and to give them the right to have
it reviewed by a human.

Companies that break the rules face fines of up to 4 per cent of annual turnover, enforced by a new
Office for Algorithmic Accountability.

"If a computer says no to your mortgage or your job application, you deserve to know why, and you
deserve a person who can say yes," the digital affairs minister, Corinna Vasquez-Hale, told the
chamber before the vote.

The opposition Progress Party voted against, arguing that the compliance burden would fall hardest on
small firms. Its digital spokesperson, Edvard Lindström-Osei, said the bill was "well meant but
written for companies with legal departments".

The bill now goes to the Council of Regions, which can delay but not block it. Most provisions are
expected to take effect in January 2026.
""",
)

story(
    "ai-bill-explainer",
    "md",
    AI_BILL,
    headline="What the Automated Decisions Bill means for job applicants and borrowers",
    description=(
        "From 2026, you will have the right to know when software helped decide your application — and "
        "to ask a person to look again."
    ),
    authors=["Çağla Demir"],
    published="2024-09-27T08:00:00+02:00",
    section="Technology",
    tags=["Automated Decisions Bill", "AI regulation", "Consumer rights"],
    body="""
The Automated Decisions Bill, passed by the Assembly early on Thursday, is mostly aimed at
organizations, but it creates several new rights for the people on the receiving end of their
decisions. Here is what changes, and when.

If you apply for a job, a loan, an insurance policy or a rental home, the organization must tell you
if an automated system made or significantly influenced the decision. The notice has to be given at
the time of the decision, in plain language, not buried in terms and conditions.

If the answer is no, you can ask for an explanation of the main factors behind it — for example, that
your income was below a threshold or that gaps in your employment history lowered a score. You can
also demand that a human review the decision within 30 days.

Public bodies face stricter duties. A city council using software to flag benefit claims for fraud
checks, for example, must publish an impact assessment showing how the system was tested for bias.

The rules do not ban any particular technology. "This is a transparency law, not a prohibition," said
Dr. Sunniva Brandvold, who studies technology law at Kellsbridge University. "Its success will depend
on whether people actually use their new rights."

Most provisions take effect in January 2026. Complaints will go to the new Office for Algorithmic
Accountability, which is expected to open in mid-2025.
""",
)

story(
    "ai-bill-small-firms",
    "nc",
    AI_BILL,
    headline="Small software firms win changes to AI rules",
    description=(
        "Businesses with fewer than 50 staff will get an extra year to comply with the Automated "
        "Decisions Act, after a campaign led by a Northfield developer."
    ),
    authors=["Priya Raman"],
    published="2025-03-11T10:15:00",
    section="Technology",
    tags=["Automated Decisions Act", "AI regulation", "Northfield business"],
    figures=[
        fig(
            "asante-bjork.jpg",
            "A man standing in an open-plan office",
            "Kwame Asante-Björk at the Lattice Nine office in Northfield.",
            "Photo: Ben Adeyemi / Northfield Courier",
        )
    ],
    body="""
Small software companies will get an extra year to meet the country's new rules on automated
decision-making, after the government agreed amendments to the Automated Decisions Act on Tuesday.

Firms with fewer than 50 employees now have until January 2027, rather than January 2026, to complete
the impact assessments the law requires. Systems used only for research, and not to make real
decisions about people, will be exempt altogether.

The changes follow a campaign by the Open Code Alliance, a group of around 400 small technology firms
founded by Northfield developer Kwame Asante-Björk. His company, Lattice Nine, makes scheduling
software used by hospitals and bus operators.

"Nobody in our sector was against the principle," Mr Asante-Björk said. "But a ten-person company
cannot pay consultants €40,000 for an assessment on the same timescale as a bank with a compliance
department of two hundred."

The digital affairs ministry said the Office for Algorithmic Accountability would also publish free
templates and guidance for small firms by the summer.

Consumer groups were disappointed. "A decision made by a small company's algorithm affects you just
as much as one made by a big company's," said Leonie Gathoni of the Consumers' Association. She said
her organisation would watch closely for firms splitting themselves up to stay under the 50-employee
threshold.
""",
)

# --- Coastal League football -----------------------------------------------------------------

story(
    "rovers-title",
    "lp",
    FOOTBALL,
    headline="Rovers end 31-year wait for Coastal League title",
    description=(
        "A stoppage-time winner from Mateo Ferreira-Quist against Saltmere Athletic sealed Kellsbridge's "
        "first championship since 1994."
    ),
    authors=["Tomáš Novák"],
    published="2025-04-26",
    flags={"no-canonical"},
    figures=[
        fig(
            "ferreira-quist.jpg",
            "A footballer celebrating in front of fans",
            "Mateo Ferreira-Quist celebrates his winning goal at Harrow Lane.",
            "Photo: Tobias Grell / Sportsfoto",
        )
    ],
    body="""
Kellsbridge Rovers are champions of the Coastal League for the first time in 31 years after Mateo
Ferreira-Quist's header in the fourth minute of stoppage time gave them a 2-1 win over Saltmere
Athletic at Harrow Lane on Saturday.

With two matches left, Rovers are nine points clear of Varnholm City, who lost 1-0 at Northfield Town
earlier in the afternoon. The news of City's defeat reached the Harrow Lane crowd at half-time and was
greeted with a roar that lasted several minutes.

Saltmere, who are safe in mid-table, took the lead through Dario Melchiorre on 28 minutes and
defended deep for most of the second half. Rovers equalised on 71 minutes when the defender Kofi
Aberg-Mensah turned in a corner at the far post.

The winner, Ferreira-Quist's 24th league goal of the season, came from a cross by the 19-year-old
winger Ilias Vranješ, who had come on as a substitute ten minutes earlier.

"I've watched this club since I was six," said Ferreira-Quist, who was born in Kellsbridge. "My
grandfather was here in 1994. I'm going to ring him now."

Manager Greta Lindahl, who took over two years ago with the club in the bottom half of the table,
said she would allow the players "one night" of celebration. Rovers will be presented with the trophy
after their final home match on 10 May.
""",
)

story(
    "town-survive",
    "nc",
    FOOTBALL,
    headline="Northfield Town stay up on final day as Rovers lift the trophy",
    description=(
        "A 3-3 draw at Marrowgate was enough to keep Town in the Coastal League, while champions "
        "Kellsbridge received the trophy in front of a sell-out crowd."
    ),
    authors=["Ewan Trelawney"],
    published="2025-05-10T19:40:00+02:00",
    updated="2025-05-10T22:15:00+02:00",
    section="Sport",
    tags=["Northfield Town", "Kellsbridge Rovers", "Coastal League"],
    figures=[
        fig(
            "ferrante-obi-goal.jpg",
            "A player shooting past a diving goalkeeper",
            "Luca Ferrante-Obi scores Northfield Town's third goal at Marrowgate.",
            "Photo: Ben Adeyemi / Northfield Courier",
        )
    ],
    body="""
Northfield Town will play Coastal League football again next season after a chaotic 3-3 draw at
Marrowgate United on the final day kept them a point above the relegation places.

Town needed at least a draw to be certain of survival, and trailed 2-0 after 20 minutes. Goals from
Aled Pryce-Morgan and a penalty by captain Jonah Feldmann drew them level before half-time, and when
Marrowgate went ahead again on 64 minutes, the 1,800 travelling fans feared the worst.

The equaliser came with eleven minutes left, when substitute Luca Ferrante-Obi ran on to a long
clearance and shot low past the goalkeeper. "I just closed my eyes and hit it," he said afterwards.

Fellow strugglers Brackwater Borough won 2-0 but still went down, along with Tarrowby Athletic.

At Harrow Lane, the champions Kellsbridge Rovers beat Varnholm City 1-0 before being presented with
the league trophy, their first since 1994. Their striker Mateo Ferreira-Quist finished the season as
the league's top scorer with 26 goals.

Town manager Declan Hollis said the club would review its squad over the summer. "We made this much
harder than it needed to be," he said. "But the players showed character today, and so did our
supporters."
""",
)

story(
    "lindahl-profile",
    "md",
    FOOTBALL,
    headline="How Greta Lindahl built a champion at Kellsbridge",
    description=(
        "Two years ago Rovers were in the bottom half of the table with the league's smallest budget. "
        "Their manager explains what changed."
    ),
    authors=["Marcus Oduya"],
    published="2025-05-12T06:00:00+02:00",
    section="Sports",
    tags=["Kellsbridge Rovers", "Coastal League", "Football"],
    figures=[
        fig(
            "lindahl.jpg",
            "A woman in a club tracksuit on a training pitch",
            "Greta Lindahl at the Rovers training ground in Kellsbridge.",
            "Photo: Mikael Strand for Meridian Daily",
        )
    ],
    body="""
When Greta Lindahl arrived at Kellsbridge Rovers in May 2023, the club had finished 13th in the
Coastal League, its training ground flooded every winter and its best young players left for bigger
clubs as soon as they turned 18.

On Saturday, she lifted the league trophy in front of 14,200 fans at Harrow Lane, the club's first
title since 1994 and one achieved with the smallest wage bill in the division.

"People think it was tactics," Lindahl said in an interview at the training ground on Monday, now
protected by a new drainage system the club paid for by selling two players. "Tactics matter, but
mostly we changed what happens between Monday and Friday."

She introduced data analysis to a club that had none, hiring two graduates from Kellsbridge
University to track players' workloads. Injuries fell by almost half in her first season. She also
persuaded the board to keep the academy's best prospects by offering them first-team minutes rather
than higher wages.

Striker Mateo Ferreira-Quist, a Kellsbridge native who had been playing in the third tier, scored 26
league goals. Winger Ilias Vranješ, 19, came through the academy.

Lindahl, 44, is the first woman to manage a men's team to the Coastal League title. She says she
finds the attention odd. "I'd rather people talked about the players," she said. "They won it."
""",
)

# --- Varnholm Marathon -----------------------------------------------------------------------

story(
    "marathon-closures",
    "hg",
    MARATHON,
    headline="Varnholm Marathon: road closures and what to know before Sunday",
    description=(
        "More than 15,000 runners will take to the streets, and large parts of the city centre and the "
        "harbour road will be closed from 6am."
    ),
    authors=["Nguyễn Thị Lan"],
    published="2025-10-17T09:00:00+02:00",
    updated="2025-10-18T11:20:00+02:00",
    section="Sport",
    tags=["Varnholm Marathon", "Road closures", "Running"],
    figures=[
        fig(
            "eastquay-bridge-runners.jpg",
            "Runners crossing a bridge",
            "Runners cross the Eastquay bridge during last year's race.",
            "Photo: Kristoffer Lind / The Harbour Gazette",
        )
    ],
    body="""
More than 15,000 runners are expected at the start of the Varnholm Marathon on Sunday, the largest
field in the race's 42-year history, and drivers are being warned to expect major disruption across
the city.

The race starts at 8.30am on Harbour Boulevard and follows the waterfront to the Old Harbour before
looping through Eastquay, the university district and Lindenpark. It finishes in front of the city
hall on Market Square.

Harbour Boulevard, the Eastquay bridge and the inner ring road will be closed from 6am until about
3pm. Roads along the rest of the course will reopen in stages once the last runners have passed. The
Old Harbour car park will be closed all day.

Trams on lines 2 and 5 will be diverted, and the number 11 bus will not run until 2pm. Extra trains
will run from Northfield and Saltmere from 6.30am.

Organisers say the forecast is close to ideal for fast times: dry, with a light breeze and
temperatures of 9C at the start. The elite women's field includes Hana Kebede-Lund, who finished
second last year, and the organisers have not ruled out an attempt on the course record of 2:23:10.

Spectators are encouraged to gather along the waterfront and in Lindenpark, where a music stage will
be set up at the 30-kilometre mark. First aid points will be placed every three kilometres.
""",
)

story(
    "marathon-record",
    "md",
    MARATHON,
    headline="Kebede-Lund breaks Varnholm Marathon course record",
    description=(
        "Hana Kebede-Lund ran 2:21:47 to take more than a minute off the women's record, while Ruben "
        "Osei-Larsen won the men's race in 2:08:55."
    ),
    authors=["Marcus Oduya"],
    published="2025-10-19T13:15:00+02:00",
    section="Sports",
    tags=["Varnholm Marathon", "Running", "Athletics"],
    figures=[
        fig(
            "kebede-lund-finish.jpg",
            "A runner breaking the finish tape",
            "Hana Kebede-Lund crosses the finish line on Market Square.",
            "Photo: Tobias Grell / Sportsfoto",
        )
    ],
    body="""
Hana Kebede-Lund broke the Varnholm Marathon course record on Sunday, running 2:21:47 in cool, still
conditions to finish more than three minutes ahead of the rest of the women's field.

The 29-year-old, who was second last year, took 1 minute 23 seconds off the record set in 2021. She
ran the first half in 71:02 alongside two pacemakers, then pulled away alone along the waterfront
after 25 kilometers.

"Last year I was scared of the second half. This year I wanted it," Kebede-Lund said at the finish on
Market Square. "When I saw the clock, I couldn't believe it."

The men's race was much closer. Ruben Osei-Larsen won a sprint finish in 2:08:55, one second ahead of
Tesfaye Amdemichael, after the leading group of five stayed together until the final kilometer.

A record 14,812 runners finished the race. Organizers said medical teams treated about 120 people,
mostly for cramps and blisters, and that three runners were taken to the hospital as a precaution.

The race raised money for more than 200 charities. Final totals will be announced next week, and
organizers said early figures suggested a record year for fundraising.
""",
)

story(
    "marathon-charity",
    "lp",
    MARATHON,
    headline="Marathon runners raise €2.1m for Varnholm charities",
    description=(
        "A hospice, a lifeboat crew and a youth boxing club are among the biggest beneficiaries of "
        "Sunday's race."
    ),
    authors=["Hélène Marchetti"],
    published="2025-10-24T12:00",
    body="""
Runners in this year's Varnholm Marathon raised €2.1 million for charity, the organisers said on
Friday, a record for the race and almost double the total of five years ago.

Just under half of the 14,812 finishers ran for a good cause. The largest single sum, €186,000, went
to St Brendan's Hospice in the Old Harbour district, whose team of 140 runners included nurses,
volunteers and relatives of former patients.

The Varnholm lifeboat station received €74,000 towards a new inshore boat, and the Eastquay Boxing
Club, which runs free sessions for teenagers, raised €31,000 — enough, its founder Samuel
Adeyinka-Roos said, to keep it open for another two years.

"I thought we'd get a few thousand," said Mr Adeyinka-Roos, who ran the race with eight of his
members. "People from all over the city gave. I'm still a bit stunned."

The organisers said fundraising had been helped by a new system that let spectators donate by
scanning a code on runners' race numbers. About €240,000 was given that way on the day.

Entries for next year's race open on 1 December. The course will stay the same after this year's
record-breaking women's race.
""",
)

# --- Corvane-Saltmere bank merger ------------------------------------------------------------

BANK_WIRE_BODY = """
SALTMERE (Continental Press Agency) — Corvane Bank has agreed to buy Saltmere Mutual, the country's
largest building society, for €1.2 billion, in a deal that would create the third-largest retail bank
by number of customers.

The boards of both lenders recommended the deal on Tuesday. It needs the approval of at least 75 per
cent of Saltmere Mutual's voting members, who would each receive a payment of around €400 if it goes
ahead, as well as clearance from the Markets and Competition Board.

The combined group would have 3.4 million customers and 140 branches, mainly along the coast and in
the Elde valley. Corvane's chief executive, Lorenzo Achterberg-Vos, said there was "very little
overlap" between the two networks but did not rule out closures.

The Bank Workers' Federation said it would seek guarantees on jobs. "Members of a mutual are being
asked to give up their society for €400 each. They deserve to know what happens to the branch on
their high street," said the federation's president, Nadia Kowalski-Reyes.

Saltmere Mutual, founded in 1864, has struggled to fund new digital services on its own. Its chief
executive, Fiona Hallström, said the takeover would give members "a stronger bank with better
technology, while keeping the Saltmere name on the door".

Corvane shares rose 3.2 per cent in Varnholm trading. The members' vote is expected in September.
"""

story(
    "bank-wire-nc",
    "nc",
    BANK,
    headline="Corvane Bank to buy Saltmere Mutual in €1.2bn deal",
    description=(
        "The deal would create the country's third-largest retail bank, with 140 branches and 3.4 "
        "million customers."
    ),
    authors=["Ruairí Ó Dálaigh"],
    wire="CPA",
    published="2024-06-18T08:10:00+02:00",
    section="Business",
    tags=["Corvane Bank", "Saltmere Mutual", "Bank merger"],
    figures=[
        fig(
            "saltmere-mutual-branch.jpg",
            "A building society branch on a high street",
            "A Saltmere Mutual branch on Northfield's Abbey Road.",
            "Photo: Ben Adeyemi / Northfield Courier",
        )
    ],
    body=BANK_WIRE_BODY,
)

story(
    "bank-wire-md",
    "md",
    BANK,
    headline="Corvane agrees €1.2 billion takeover of Saltmere Mutual",
    description=(
        "The merger would end 160 years of independence for the building society and put dozens of "
        "branches at risk."
    ),
    authors=["Ruairí Ó Dálaigh"],
    wire="CPA",
    published="2024-06-18T09:45:00+02:00",
    section="Business",
    tags=["Corvane Bank", "Saltmere Mutual", "Banking", "Mergers and acquisitions"],
    figures=[
        fig(
            "corvane-hq.jpg",
            "A glass office tower by a harbour",
            "Corvane Bank's headquarters in Varnholm.",
            "Photo: Lars Øvergaard / CPA",
        )
    ],
    body=BANK_WIRE_BODY,
)

story(
    "bank-members-vote",
    "hg",
    BANK,
    headline="Saltmere Mutual members back Corvane takeover",
    description=(
        "More than four in five members who voted supported the €1.2bn deal, which now awaits approval "
        "from the competition regulator."
    ),
    authors=["Callum Reyes"],
    published="2024-09-24T17:30:00+02:00",
    section="Business",
    tags=["Corvane Bank", "Saltmere Mutual", "Bank merger"],
    figures=[
        fig(
            "saltmere-pavilion.jpg",
            "People queueing outside a seaside hall",
            "Members queue to enter the special general meeting at the Saltmere Pavilion.",
            "Photo: Kristoffer Lind / The Harbour Gazette",
        )
    ],
    body="""
Members of Saltmere Mutual have voted to approve the building society's €1.2 billion takeover by
Corvane Bank, ending 160 years of independence for one of the country's oldest financial
institutions.

The society said 81.4 per cent of members who voted backed the deal, comfortably above the 75 per
cent threshold required. Turnout was 46 per cent, the highest in the society's history. Each eligible
member will receive a payment of €412 if the takeover is completed.

The result was announced at a packed special general meeting at the Saltmere Pavilion, where several
members spoke against the deal. "This society was built by fishermen and shopkeepers to keep their
savings out of the hands of big banks," said Agnes Thorbjørnsen, 82, who has been a member since
1961. "Today we sold it to one."

Corvane has promised to keep the Saltmere name for at least five years and to make no branch
closures before 2026. It has not said how many branches might close after that.

The deal still needs clearance from the Markets and Competition Board, which opened an in-depth
investigation in August over concerns about competition in mortgage lending in coastal towns. A
decision is expected in January.

Corvane's chief executive, Lorenzo Achterberg-Vos, said he was "delighted and humbled" by the vote and
promised that members would "see the benefits in their branches and on their phones within a year".
""",
)

story(
    "bank-cleared",
    "lp",
    BANK,
    headline="Regulator clears Corvane–Saltmere merger but orders branch sales",
    description=(
        "Corvane must sell 12 branches and a mortgage book worth €900m to a rival before the deal can "
        "close."
    ),
    authors=["Marta Oyelaran-Svensson"],
    published="2025-01-21T13:02",
    body="""
The Markets and Competition Board has approved Corvane Bank's takeover of Saltmere Mutual on
condition that the bank sells 12 branches and about €900 million of mortgages to a competitor.

The board said the merger as first proposed would have left borrowers in five coastal towns,
including Saltmere, Marrowgate and Ludd's Ferry, with too little choice. The branches to be sold are
in those towns.

"Without these remedies, thousands of households would have faced higher mortgage rates," said the
board's chair, Beatriz Lindqvist-Amara. "With them, we are satisfied that competition will be
preserved."

Corvane said it accepted the conditions and expected to complete the deal by the end of March. It has
already begun talks with possible buyers, understood to include the smaller Elde Valley Savings Bank.

The Bank Workers' Federation welcomed the decision but said staff in the branches being sold needed
guarantees. "Our members have been left in limbo for seven months," said its president, Nadia
Kowalski-Reyes.

Saltmere Mutual members, who voted for the takeover in September, will receive their payments of
€412 within 30 days of completion.
""",
)

# --- Castelvane Film Festival ----------------------------------------------------------------

story(
    "film-salt-orchard",
    "md",
    FILM,
    headline="'The Salt Orchard' wins Golden Heron at Castelvane",
    description=(
        "Yusra Halvorsen's debut feature about three sisters running a failing apple farm took the "
        "festival's top prize on Saturday."
    ),
    authors=["Zainab Rask"],
    published="2024-09-14T23:10:00+02:00",
    updated="2024-09-15T10:00:00+02:00",
    section="Culture",
    tags=["Castelvane Film Festival", "Golden Heron", "Film"],
    figures=[
        fig(
            "halvorsen-heron.jpg",
            "A director holding a bird-shaped trophy",
            "Yusra Halvorsen with the Golden Heron on Saturday night.",
            "Photo: Mikael Strand for Meridian Daily",
        )
    ],
    body="""
"The Salt Orchard," the first feature by director Yusra Halvorsen, won the Golden Heron for best film
at the Castelvane Film Festival on Saturday night, capping a week in which it became the most
talked-about title in the competition.

The film follows three sisters who inherit a coastal apple farm poisoned by rising seawater and try,
over one year, to save it. Much of it was shot on real farms near Saltmere, with local residents in
supporting roles.

Accepting the award, Halvorsen, 34, thanked "every farmer who let us trample their fields and eat
their apples." She dedicated the prize to her grandmother, who ran a farm on the same stretch of coast
until the 1990s.

The jury, chaired by the actor Benedicte Morales-Nyland, gave its grand prize to "Winter Exchange," a
documentary about a psychiatric hospital's choir, and the award for best performance to Tomas
Rydqvist for the crime drama "The Ninth Lock."

The festival, in its 38th year, sold 54,000 tickets, up from 47,000 last year. Its director, Camille
Ostrowski, said the growth showed that "audiences will travel for films they cannot see anywhere
else."

"The Salt Orchard" will be released in theaters in the spring.
""",
)

story(
    "film-night-ferry-premiere",
    "nc",
    FILM,
    headline="Northfield-shot thriller opens Castelvane Film Festival",
    description=(
        "'Night Ferry to Orsk', filmed largely at the old Northfield railway depot, had its world "
        "premiere at the festival's opening gala."
    ),
    authors=["Hannah Kowalczyk"],
    published="2025-09-05T22:30:00+02:00",
    section="Culture",
    tags=["Castelvane Film Festival", "Film", "Northfield"],
    figures=[
        fig(
            "opening-gala.jpg",
            "A film crew posing on a red carpet",
            "Director Benedikt Aaland and cast members at the opening gala.",
            "Photo: Festival press office",
        )
    ],
    body="""
A thriller filmed largely in Northfield opened the 39th Castelvane Film Festival on Friday night, and
dozens of the town's residents were in the audience to see themselves on the big screen.

'Night Ferry to Orsk', directed by Benedikt Aaland, was shot over eight weeks last autumn at the
disused railway depot on Station Road and in the streets around the Corn Exchange, which stand in for
a port city in the 1970s. Around 200 local people worked as extras.

"My whole street is in it," said Moira Delacroix-Hughes, 66, who plays a woman selling newspapers in
a crowd scene. "I'm on screen for about four seconds, but I'm in a fur coat and I look marvellous."

The film, about a customs officer who discovers that a ferry company is smuggling people, drew a long
standing ovation at the gala screening. Aaland said Northfield had been "the best film set I have ever
worked in — real buildings, real weather, real people".

The production spent an estimated €2.3 million in the area, according to the council, which has since
set up a film office to attract more shoots. Two television series are due to film in the town next
year.

The festival runs until 14 September. This year's competition includes 18 films from 14 countries.
""",
)

story(
    "film-festival-closes",
    "lp",
    FILM,
    headline="Castelvane festival closes with record crowds and a surprise winner",
    description=(
        "'Night Ferry to Orsk', the opening-night thriller shot in Northfield, took the Golden Heron "
        "ahead of the favourites."
    ),
    authors=["Oskar Fältskog"],
    published="2025-09-14T22:10",
    updated="2025-09-15T08:45",
    figures=[
        fig(
            "aaland.jpg",
            "A director holding a trophy on stage",
            "Benedikt Aaland with the Golden Heron on Sunday night.",
            "Photo: Festival press office / Lena Voss",
        )
    ],
    body="""
The 39th Castelvane Film Festival ended on Sunday night with a record 61,000 tickets sold and an
unexpected winner of its top prize, the Golden Heron.

The jury gave the award to Benedikt Aaland's "Night Ferry to Orsk", the thriller that opened the
festival nine days earlier and was widely seen as a crowd-pleaser rather than a contender. Critics had
tipped the Icelandic-language drama "Between Tides" and the animated feature "Paper Harbour".

"I thought we were here to warm up the audience," Aaland said as he collected the prize. "I have no
speech. I am going to thank Northfield, because without Northfield there is no film."

The jury president, the cinematographer Ana Lucía Etxeberria, said the decision had been unanimous.
"It is a film about people doing the right thing at great cost, and it is made with enormous craft,"
she said.

The festival's director, Camille Ostrowski, said attendance had been helped by a new programme of free
outdoor screenings on Castelvane's harbour front, which drew about 9,000 people over five nights.

Ostrowski, who has led the festival for eleven years, announced that next year's edition would be her
last.
""",
)

# --- Marrowgate Maritime Museum --------------------------------------------------------------

story(
    "museum-reopens",
    "hg",
    MUSEUM,
    headline="Marrowgate Maritime Museum reopens after four-year rebuild",
    description=(
        "The €46m renovation has restored the 1887 lifeboat Grace Tennant and added a gallery on the "
        "history of dock work, including the strikes of 1911 and 2024."
    ),
    authors=["Zoë Åkesson"],
    published="2025-04-04T08:00:00+02:00",
    section="Culture",
    tags=["Marrowgate Maritime Museum", "Museums", "Marrowgate"],
    flags={"graph"},
    figures=[
        fig(
            "grace-tennant.jpg",
            "A wooden lifeboat suspended in a glass hall",
            "The restored lifeboat Grace Tennant in the museum's new glass hall.",
            "Photo: Annika Holm / The Harbour Gazette",
        )
    ],
    body="""
The Marrowgate Maritime Museum reopens to the public on Saturday after a four-year, €46 million
renovation that has doubled its exhibition space and rescued its most famous object from decay.

The Grace Tennant, a wooden lifeboat built in 1887 that saved more than 300 lives along the coast,
now hangs from the roof of a new glass hall overlooking the harbour. Conservators spent two years
removing layers of modern paint and replacing rotten timbers with oak from the same forest that
supplied the original.

"When we closed in 2021, you could push a finger into parts of her hull," said the museum's director,
Oluwadamilare Vestergaard. "Now she will be here for another hundred years."

A new gallery, Hands on the Quay, tells the history of dock work in Marrowgate and Varnholm from sail
to containers. It includes banners from the port strike of 1911 and, in a late addition, placards from
last autumn's strike in Varnholm, donated by the Dock and Harbour Workers' Union.

The rebuild was funded by the national heritage fund, the county council and a public appeal that
raised €3.1 million, including €60,000 from local schools.

Entry to the permanent galleries remains free. The museum will stay open until 9pm on Saturday and
Sunday for the reopening weekend.
""",
)

story(
    "museum-queues",
    "lp",
    MUSEUM,
    headline="Queues round the block as Marrowgate museum opens",
    description=(
        "More than 7,000 people visited on the first day, many of them to see the lifeboat their "
        "grandparents had crewed."
    ),
    authors=["Hélène Marchetti", "Oskar Fältskog"],
    published="2025-04-06",
    flags={"weekday"},
    figures=[
        fig(
            "visitors.jpg",
            "Crowds beneath a suspended boat",
            "Visitors beneath the Grace Tennant on the opening day.",
            "Photo: Ines Carvalho / The Lantern Post",
        )
    ],
    body="""
The queue outside the Marrowgate Maritime Museum stretched past the harbour master's office and round
the corner into Rope Walk by the time the doors opened at 10am on Saturday.

By closing time, 7,340 people had visited, the museum said, more than in an average month before it
closed for renovation in 2021.

Many had come to see the Grace Tennant, the 19th-century lifeboat that now hangs above the new glass
hall. Among them was Elsie Marwood, 88, whose grandfather was a member of its crew. "He was in the
boat the night they brought in the men from the Clementine in 1903," she said, looking up at the
hull. "I've only ever seen it in photographs, and now look at it."

Children crowded around a new interactive model of the harbour, where they could steer a container
ship to its berth, and a steady stream of visitors passed through the gallery on dock work, where
placards from last year's Varnholm port strike hang beside banners from 1911.

Not everyone was happy. Some regular visitors said the old model ship collection, once the museum's
centrepiece, had been reduced to a single case. The museum said most of the models would go on
display in rotation.

The museum is open daily except Mondays. Entry is free.
""",
)

# --- Kellsbridge mayoral election ------------------------------------------------------------

story(
    "election-candidates",
    "nc",
    ELECTION,
    headline="Kellsbridge mayoral race: the four candidates and where they stand",
    description=(
        "Voters in Kellsbridge choose a mayor on Thursday. Here is what each candidate promises on "
        "housing, transport and the harbour."
    ),
    authors=["Daniel Okafor"],
    published="2024-04-29T07:30:00",
    section="Politics",
    tags=["Kellsbridge mayoral election", "Elections", "Kellsbridge"],
    body="""
Voters in Kellsbridge go to the polls on Thursday to choose the city's mayor for the next four years.
Four candidates are standing. Polls open at 7am and close at 10pm, and counting begins overnight.

Bernard Ashworth (Civic Alliance), mayor since 2016, is seeking a third term. He points to the
redevelopment of the old gasworks site and a balanced budget, and promises 2,000 new council homes by
2028. He opposes extending the tram line to the harbour, saying the €280 million cost is
unaffordable.

Amaka Thorsen-Bello (Coastal Greens), a former harbour engineer and city councillor, has made the tram
extension her central pledge, along with a freeze on bus fares and a programme to insulate 10,000
homes. She would pay for the tram partly through a levy on large car parks.

Dariusz Kowal (Progress Party), a businessman who owns a chain of hardware shops, promises to cut the
city's share of property tax by 5 per cent and to sell underused council buildings. He wants to turn
the harbour's empty warehouses into a technology park.

Wren Maddox (independent), a housing campaigner, is standing on a single issue: limits on short-term
holiday lets, which she says have taken 1,500 homes out of the rental market in the old town.

A poll for the Courier last week put Ashworth and Thorsen-Bello within three points of each other,
with 18 per cent of voters undecided.
""",
)

story(
    "election-result",
    "lp",
    ELECTION,
    headline="Thorsen-Bello ousts Ashworth in Kellsbridge",
    description=(
        "The Coastal Greens take a city mayoralty for the first time as the tram extension wins the "
        "day."
    ),
    authors=["Tomáš Novák", "Marta Oyelaran-Svensson"],
    published="2024-05-03T02:40",
    updated="2024-05-03T10:15",
    figures=[
        fig(
            "declaration.jpg",
            "A woman speaking at a lectern",
            "Amaka Thorsen-Bello after the declaration at the Exhibition Hall.",
            "Photo: Ines Carvalho / The Lantern Post",
        )
    ],
    body="""
Amaka Thorsen-Bello of the Coastal Greens has been elected mayor of Kellsbridge, defeating the Civic
Alliance incumbent Bernard Ashworth after eight years in office.

The result was declared at the Kellsbridge Exhibition Hall at 2.20am. Thorsen-Bello won 41.2 per cent
of the vote to Ashworth's 36.5 per cent. Dariusz Kowal of the Progress Party took 15.1 per cent and
the independent Wren Maddox 7.2 per cent. Turnout was 38 per cent, up from 33 per cent in 2020.

In her victory speech, Thorsen-Bello promised to begin work on the tram extension to the harbour
"within my first year". "This city voted for a future in which you can get to work without a car and
heat your home without going broke," she said.

Ashworth, 63, conceded graciously. "I have loved every day of this job," he said. "I wish Amaka well.
She will find that the budget is in good order."

The Greens performed strongly in the university district and the new housing estates east of the
river, while Ashworth held on in the older suburbs. Analysts said the Progress Party's vote, higher
than expected, had come mainly at the Civic Alliance's expense.

Thorsen-Bello, 47, will take office on 15 May. She will be only the second woman to hold the post.
""",
)

story(
    "election-analysis",
    "md",
    ELECTION,
    headline="Kellsbridge result: Greens take a big-city mayoralty for the first time",
    description=(
        "Amaka Thorsen-Bello's win is the Coastal Greens' biggest breakthrough, and a warning for the "
        "governing Civic Alliance ahead of next year's national vote."
    ),
    authors=["Søren Kjærgaard", "Aoife Ní Bhriain"],
    published="2024-05-03T12:00:00+02:00",
    section="Politics",
    tags=["Kellsbridge mayoral election", "Coastal Greens", "Elections"],
    figures=[
        fig(
            "thorsen-bello-supporters.jpg",
            "A politician surrounded by supporters",
            "Amaka Thorsen-Bello speaks to supporters in Kellsbridge on Friday.",
            "Photo: Mikael Strand for Meridian Daily",
        )
    ],
    body="""
For years, the Coastal Greens were a party of protest votes and council seats. On Friday morning they
woke up running the country's fourth-largest city.

Amaka Thorsen-Bello's victory in Kellsbridge, by 41.2 percent to 36.5 percent over the Civic
Alliance's Bernard Ashworth, is the party's first win in a direct mayoral election anywhere in the
country. It came on a single, concrete promise: extending the city's tram line to the harbor.

"She didn't run on climate in the abstract. She ran on a tram," said Professor Linnea Haugland, a
political scientist at Kellsbridge University. "That's a very different thing to vote for."

The result will worry the Civic Alliance, which leads the national government and had held Kellsbridge
since 2016. Its vote fell by nine points compared with 2020. Party officials pointed to the Progress
Party's strong showing, which split the center-right vote, and to low turnout.

The Greens' national leader, Jasper Okonjo-Hart, hailed the result as proof that the party could
govern. "Kellsbridge is not a green bubble," he said. "It is a working port city, and it chose us."

Thorsen-Bello takes office on May 15. Her first big test will be the budget in the fall, when she
must show how she will pay for a tram extension costed at €280 million.
""",
)

story(
    "election-tram",
    "hg",
    ELECTION,
    headline="New Kellsbridge mayor pledges to revive tram extension",
    description=(
        "Amaka Thorsen-Bello says work on the €280m harbour line will begin within a year, funded in "
        "part by a levy on large car parks."
    ),
    authors=["Callum Reyes"],
    published="2024-05-16T15:45:00+02:00",
    section="Politics",
    tags=["Kellsbridge mayoral election", "Kellsbridge tram", "Transport"],
    figures=[
        fig(
            "kellsbridge-tram.jpg",
            "A tram at a city station",
            "A tram at Kellsbridge central station, where the harbour extension would begin.",
            "Photo: Kristoffer Lind / The Harbour Gazette",
        )
    ],
    body="""
Kellsbridge's new mayor, Amaka Thorsen-Bello, used her first full day in office on Thursday to order
work to restart on the long-shelved extension of the city's tram line to the harbour.

The 4.8-kilometre extension, first proposed in 2011, would link the central station to the ferry
terminal and the new housing on the former gasworks site. Her predecessor, Bernard Ashworth, paused
planning in 2019, citing the cost.

Thorsen-Bello said she had asked officials to update the design and cost estimate by September, and
that she expected construction to begin in the spring of 2025. About a third of the €280 million
cost would come from a levy on workplace and retail car parks with more than 100 spaces. The rest
would come from national transport grants and borrowing.

"The harbour is where the jobs are and where the homes are being built," she told reporters at the
city hall. "Right now the only way to get there is by car or by a bus stuck behind the cars."

Business groups reacted cautiously. The Kellsbridge Retail Forum said a car-park levy could push
shoppers to out-of-town centres, while the harbour's largest employer, Varnholm-based Eastquay
Terminals, welcomed the plans.

The Civic Alliance, now in opposition on the council, said it would scrutinise the costs closely.
""",
)

# --- Elde Valley Line ------------------------------------------------------------------------

story(
    "rail-delay",
    "er",
    RAIL,
    headline="Eldetalbahn: Eröffnung wegen Tunnelproblemen verschoben",
    description=(
        "Die reaktivierte Bahnstrecke zwischen Brackwater und Wendlau geht nicht wie geplant im Juni in "
        "Betrieb. Schuld ist Wasser im Kesselfurter Tunnel."
    ),
    authors=["Jürgen Weiß", "Katrin Öztürk"],
    published="2025-03-04T18:00:00+01:00",
    updated="2025-03-05T07:30:00+01:00",
    section="Verkehr",
    tags=["Eldetalbahn", "Bahn", "Kesselfurt", "Tunnel"],
    figures=[
        fig(
            "tunnel-nordportal.jpg",
            "Baustelle vor einem Tunnelportal",
            "Arbeiten am Nordportal des Kesselfurter Tunnels.",
            "Foto: Jürgen Weiß / Eldetaler Rundschau",
        )
    ],
    body="""
Die Wiedereröffnung der Eldetalbahn verzögert sich um mindestens sechs Monate. Statt im Juni sollen
die ersten Personenzüge zwischen Brackwater und Wendlau nun frühestens im Dezember fahren, teilte die
Bahngesellschaft am Dienstag mit.

Grund sind Probleme im 1,2 Kilometer langen Tunnel bei Kesselfurt. Seit dem Hochwasser im Februar
2024 dringt dort an mehreren Stellen Wasser durch das alte Mauerwerk. Eine neue Abdichtung und eine
zusätzliche Entwässerung sollen das Problem beheben.

„Wir hätten den Tunnel in diesem Zustand nicht für den Verkehr freigeben können“, sagte
Projektleiterin Dörte Vanselow. Die Mehrkosten bezifferte sie auf rund 14 Millionen Euro. Insgesamt
kostet die Reaktivierung der 42 Kilometer langen Strecke damit etwa 624 Millionen Euro.

Die Strecke war 1994 stillgelegt worden. Künftig sollen Züge im Stundentakt fahren, die Fahrzeit
zwischen Brackwater und Wendlau wird 38 Minuten betragen. Unterwegs halten sie an sieben Stationen,
darunter Kesselfurt und Ludd's Ferry.

In Kesselfurt reagierte man enttäuscht. „Wir warten seit dreißig Jahren, da kommt es auf ein halbes
Jahr auch nicht mehr an“, sagte Ortsvorsteher Bernd Häusler – nicht ganz ohne Ironie. Der
Fahrgastverband forderte, die Busverbindung im Tal bis zur Eröffnung zu verstärken.
""",
)

story(
    "rail-first-trains",
    "nc",
    RAIL,
    headline="First passenger trains run on reopened Elde Valley Line",
    description=(
        "Hundreds of people rode the first services between Brackwater and Wendlau on Sunday, 31 years "
        "after the line closed."
    ),
    authors=["Daniel Okafor"],
    published="2025-12-14T16:20:00+01:00",
    updated="2025-12-14T19:05:00+01:00",
    section="Transport",
    tags=["Elde Valley Line", "Rail", "Brackwater"],
    figures=[
        fig(
            "kesselfurt-first-train.jpg",
            "A train arriving at a small station",
            "The first train arrives at Kesselfurt station on Sunday morning.",
            "Photo: Ben Adeyemi / Northfield Courier",
        )
    ],
    body="""
The first scheduled passenger train in 31 years left Brackwater for Wendlau at 6.12am on Sunday,
carrying more than 200 people, some of whom had queued on the platform since before 5am.

The reopening of the 42-kilometre Elde Valley Line, closed in 1994, cost about €624 million and was
delayed by six months after water was found leaking into the tunnel at Kesselfurt following the floods
of February 2024.

Trains will run every hour in each direction, calling at seven stations, with a journey time of 38
minutes. Passengers can change at Brackwater for services to Northfield, making it possible to travel
from Northfield to Wendlau in under 90 minutes.

Among those on the first train was Harold Finch-Adebayo, 79, who worked as a signalman on the line
until it closed. "I pulled the levers for the last train in 1994," he said. "I told my wife I wouldn't
die until I'd ridden the first one back."

Not everything went to plan. The 9.12am service from Wendlau was cancelled because of a signalling
fault at Ludd's Ferry, and some trains were so full that passengers were left on the platform at
Kesselfurt.

The regional transport authority said it would add extra carriages at weekends until the end of
January.
""",
)

story(
    "rail-ridership",
    "md",
    RAIL,
    headline="After 31 years, the Elde Valley Line is back. Will anyone ride it?",
    description=(
        "Planners expect 4,500 journeys a day on the reopened rail line. Skeptics say the valley's towns "
        "are too small to fill the trains."
    ),
    authors=["Søren Kjærgaard"],
    published="2025-12-15T07:30:00+01:00",
    section="Transportation",
    tags=["Elde Valley Line", "Rail", "Public transit"],
    body="""
The first trains on the reopened Elde Valley Line were packed on Sunday, with passengers standing in
the aisles and some left behind on platforms. The question now is whether they will still be full on
a wet Tuesday in February.

The regional transport authority forecasts about 4,500 journeys a day once the service settles down,
rising to 6,000 by 2030. Those figures were central to the case for spending €624 million to rebuild
42 kilometers of track, seven stations and the tunnel at Kesselfurt.

Critics say the projections are optimistic. The valley's towns between Brackwater and Wendlau have a
combined population of about 85,000, and many residents work in places the trains do not go. "You can
build a beautiful railway between two places people don't need to travel between," said Dr. Petra
Novotná, a transport economist who advised the authority in 2017 and has since become a critic.

Supporters point to other reopened lines that exceeded expectations. The Wendlau-Kesselfurt bus, which
the trains replace, carried 1,900 passengers a day, and planners argue that a faster, more reliable
service will attract people who currently drive.

Much depends on connections. From Brackwater, passengers can change for Northfield and Varnholm, but
fares on the two networks are not yet integrated, so most journeys need two separate tickets.

The authority has promised a single ticket covering both networks by the summer of 2026.
""",
)

# --- Health services -------------------------------------------------------------------------

story(
    "measles-saltmere",
    "lp",
    HEALTH,
    headline="Measles cases rise to 23 in Saltmere schools",
    description=(
        "Health officials are offering catch-up vaccinations at three schools after an outbreak that "
        "began in October."
    ),
    authors=["Andrés Peña"],
    published="2024-11-26",
    body="""
The number of measles cases linked to schools in Saltmere has risen to 23, health officials said on
Tuesday, and a vaccination clinic will be set up at three schools this week.

The outbreak began in mid-October at Harbourside Primary School and has since spread to Seacliff
Academy and St Columba's Primary. Four children have been treated in hospital, two of them for
pneumonia. All are now recovering at home.

Dr Kerensa Oyelowo-Hart, the regional director of public health, said all but two of the children who
fell ill had not been fully vaccinated. Vaccination rates in the Saltmere area have fallen to 84 per
cent for the second dose, well below the 95 per cent needed to stop the disease from spreading.

"Measles is not a mild illness," she said. "It is one of the most contagious diseases we know, and
the best protection is two doses of the vaccine. It's never too late to catch up."

Parents of pupils at the three schools have been sent letters, and children without two recorded
doses will be offered the vaccine at school on Thursday and Friday. Clinics will also be held at the
Saltmere health centre on Saturday.

Anyone with a high fever, a rash and red, watery eyes is asked to phone their doctor before visiting,
to avoid infecting others in the waiting room.
""",
)

story(
    "fennick-ed-waits",
    "hg",
    HEALTH,
    headline="Fennick General's emergency waits hit winter high",
    description=(
        "Patients waited an average of six hours and 40 minutes in the emergency department last week "
        "as flu and RSV cases rose."
    ),
    authors=["Nguyễn Thị Lan"],
    published="2025-01-14T12:10:00+01:00",
    section="Health",
    tags=["Fennick General Hospital", "Emergency care", "Flu"],
    figures=[
        fig(
            "fennick-ed.jpg",
            "An ambulance outside a hospital entrance",
            "The emergency department entrance at Fennick General Hospital.",
            "Photo: Annika Holm / The Harbour Gazette",
        )
    ],
    body="""
Patients at Fennick General Hospital's emergency department waited an average of six hours and 40
minutes to be admitted, treated or discharged last week, the longest since records began in 2015,
according to figures published on Tuesday.

Just 52 per cent of patients were seen within the four-hour target, down from 68 per cent in
December. On Thursday night, 41 patients were waiting for a bed, some of them on trolleys in
corridors.

The hospital trust blamed a surge of flu, which accounted for 112 admissions last week, along with
RSV and norovirus, and a shortage of places in care homes that has left about 90 patients who are
well enough to leave unable to be discharged.

"Our staff are working flat out in extremely difficult conditions," said the trust's chief nurse,
Philippa Nakamura-Stone. "We are sorry that some patients are waiting far longer than we would want."

The hospital has opened an extra ward of 24 beds and asked people with minor injuries to use the
walk-in centres in Varnholm and Fennick, where waits are under an hour. It has also renewed calls for
older people to get their flu vaccine.

Health officials said flu cases may already have peaked, but warned that pressure on hospitals
usually lasts into February.
""",
)
