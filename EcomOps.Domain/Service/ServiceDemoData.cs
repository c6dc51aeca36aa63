using System.Globalization;
using EcomOps.Domain.Data;
using EcomOps.Domain.DemoData;
using EcomOps.Domain.Org;
using EcomOps.Domain.Service.Sla;
using EcomOps.Domain.Time;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace EcomOps.Domain.Service;

/// <summary>
/// Customer-service tickets of the last 90 days as a Chinese online shop's desk sees them: busy evenings and weekends,
/// quiet nights, chats more than calls, a wave after Double 11. Each ticket's thread and status history are written the
/// way the desk writes them, so its due times, badge and breaches come from <see cref="ServiceSla.Project"/> itself.
/// </summary>
public sealed class ServiceDemoData(ServiceSla sla, CompanyTime time) : IDemoDataArea
{
    /// <summary>How far back the tickets go.</summary>
    public static readonly TimeSpan Span = TimeSpan.FromDays(90);

    /// <summary>Who a status change is recorded as when no agent made it: channel intake, customer messages, auto-close.</summary>
    public const string SystemName = "system";

    private const int EntitiesPerSave = 2000;

    /// <summary>After the orders, so a ticket about an order names one the console knows.</summary>
    public int Order => 35;

    public string Name => "Service";

    public static int TicketCount(DemoSize size) => size switch
    {
        DemoSize.Minimal => 0,
        DemoSize.Standard => 3_000,
        _ => 100_000,
    };

    public async Task SeedAsync(OpsDb db, DemoSize size, Random random, CancellationToken ct)
    {
        var count = TicketCount(size);
        if (count == 0)
        {
            return;
        }
        var now = WholeSeconds(time.UtcNow);
        var agents = await db.Employees.AsNoTracking()
            .Where(e => e.Active && e.Team == Team.CustomerService && (e.Role == Roles.CsAgent || e.Role == Roles.CsSupervisor))
            .OrderBy(e => e.Id)
            .Select(e => new Agent(e.Id, e.FullName, e.Email, e.Role == Roles.CsSupervisor ? 1 : 4))
            .ToListAsync(ct);

        var orders = await db.Orders.AsNoTracking().OrderBy(o => o.PlacedAtUtc)
            .Select(o => new PlacedOrder(o.PlacedAtUtc, o.PlatformOrderId)).ToListAsync(ct);

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        // Tickets go in through a second context on the same connection and transaction, one without the change
        // capture. Auditing an inserted ticket costs more than inserting it with its whole thread and history (each of
        // its fields becomes an owned entity of a JSON column): through the audited context Large took about 70 s
        // instead of about 40. Publishing 100,000 live changes at commit would help no one either. Demo tickets are
        // not business events, so they are not audited.
        await using var bulk = OpsDbSetup.Unwatched(db);
        await bulk.Database.UseTransactionAsync(transaction.GetDbTransaction(), ct);
        bulk.ChangeTracker.AutoDetectChangesEnabled = false;
        // Built once after the load rather than row by row (see IndexesSetAside).
        var indexes = await IndexesSetAside.DropAsync(bulk, [typeof(Ticket), typeof(TicketEntry), typeof(TicketStatusChange), typeof(SlaBreach), typeof(ServiceAlert)], ct);

        // Keys are handed out here rather than by the database: SQLite inserts one row per command, and a key it
        // generates has to be read back and passed on to the ticket's entries, which costs about as much as the insert.
        var keys = new Keys(
            await bulk.Tickets.MaxAsync(t => (int?)t.Id, ct) ?? 0,
            await bulk.TicketEntries.MaxAsync(e => (long?)e.Id, ct) ?? 0,
            await bulk.Set<TicketStatusChange>().MaxAsync(s => (long?)s.Id, ct) ?? 0);
        var writer = new Writer(sla, random, now, agents, orders);
        using var arrivals = Arrivals(count, now, random).GetEnumerator();

        Batch Next()
        {
            var batch = new Batch();
            var entities = 0;
            while (entities < EntitiesPerSave && arrivals.MoveNext())
            {
                var ticket = writer.Write(arrivals.Current);
                keys.Assign(ticket);
                batch.Tickets.Add(ticket);
                // Breaches and escalations as the desk records them (TicketDesk.RecordBreachesAsync): a breach once per
                // target and deadline, a breach alert while it is still owed, a warning alert while a running target is
                // past its warning share. The scheduler fires at those instants, so that is when each was recorded.
                foreach (var target in sla.Project(ticket, now))
                {
                    if (target.BreachedAtUtc is { } breachedAt)
                    {
                        batch.Breaches.Add(new SlaBreach
                        {
                            TicketId = ticket.Id,
                            Target = target.Kind,
                            BreachedAtUtc = breachedAt,
                            RecordedAtUtc = breachedAt,
                            PolicyName = ticket.SlaPolicyName,
                        });
                        if (target.MetAtUtc is null)
                        {
                            batch.Alerts.Add(new ServiceAlert { TicketId = ticket.Id, Kind = AlertKind.Breach, Target = target.Kind, DueAtUtc = breachedAt, RaisedAtUtc = breachedAt });
                        }
                    }
                    else if (target is { State: SlaState.Active, Level: SlaLevel.Warning, DueAtUtc: { } due, WarningAtUtc: { } warnedAt })
                    {
                        batch.Alerts.Add(new ServiceAlert { TicketId = ticket.Id, Kind = AlertKind.Warning, Target = target.Kind, DueAtUtc = due, RaisedAtUtc = warnedAt });
                    }
                }
                entities += 1 + ticket.Entries.Count + ticket.StatusHistory.Count;
            }
            return batch;
        }

        // The next batch is written and projected while the previous one is saved. Batches are made one at a time
        // and in order, so the shared Random is drawn in the same sequence on every run.
        var current = Next();
        while (current.Tickets.Count > 0)
        {
            var following = Task.Run(Next, ct);
            // AutoDetectChanges is off: Add walks each ticket's graph once, so its entries and history go in with it.
            bulk.Tickets.AddRange(current.Tickets);
            bulk.SlaBreaches.AddRange(current.Breaches);
            bulk.ServiceAlerts.AddRange(current.Alerts);
            await bulk.SaveChangesAsync(acceptAllChangesOnSuccess: false, ct);
            // A context that kept every saved row would make each later save slower.
            bulk.ChangeTracker.Clear();
            current = await following;
        }
        await indexes.RestoreAsync(ct);
        await transaction.CommitAsync(ct);
    }

    private sealed class Batch
    {
        public List<Ticket> Tickets { get; } = [];

        public List<SlaBreach> Breaches { get; } = [];

        public List<ServiceAlert> Alerts { get; } = [];
    }

    /// <summary>
    /// Creation instants in time order: each hour of the last 90 days weighted by the hour of day and day of week in the
    /// company's zone, a gentle growth over the period and the after-sales wave in the week after Double 11.
    /// </summary>
    private List<DateTime> Arrivals(int count, DateTime now, Random random)
    {
        var hours = (int)Span.TotalHours;
        var start = now - Span;
        var cumulative = new double[hours];
        var total = 0.0;
        for (var i = 0; i < hours; i++)
        {
            var local = time.ToLocal(start.AddHours(i).AddMinutes(30));
            var weekend = local.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday ? 1.3 : 1.0;
            var growth = 0.85 + 0.3 * i / hours;
            var doubleEleven = local is { Month: 11, Day: >= 11 and <= 17 } ? 1.4 : 1.0;
            total += HourOfDay[local.Hour] * weekend * growth * doubleEleven;
            cumulative[i] = total;
        }

        var arrivals = new List<DateTime>(count);
        for (var n = 0; n < count; n++)
        {
            var slot = Array.BinarySearch(cumulative, random.NextDouble() * total);
            slot = Math.Min(slot < 0 ? ~slot : slot, hours - 1);
            arrivals.Add(start.AddHours(slot).AddSeconds(random.Next(3600)));
        }
        arrivals.Sort();
        return arrivals;
    }

    private static DateTime WholeSeconds(DateTime utc) => new(utc.Ticks - utc.Ticks % TimeSpan.TicksPerSecond, DateTimeKind.Utc);

    /// <summary>Relative arrivals per local hour: quiet from midnight to eight, a lunch dip, the peak after dinner.</summary>
    private static readonly double[] HourOfDay =
    [
        0.45, 0.25, 0.14, 0.09, 0.07, 0.08, 0.14, 0.3, 0.55, 0.85, 1.0, 1.05,
        0.85, 0.95, 1.0, 1.0, 0.95, 0.9, 0.95, 1.35, 1.65, 1.75, 1.55, 1.0,
    ];

    private sealed class Keys(int ticket, long entry, long change)
    {
        public void Assign(Ticket t)
        {
            t.Id = ++ticket;
            foreach (var e in t.Entries)
            {
                e.Id = ++entry;
                e.TicketId = t.Id;
            }
            foreach (var s in t.StatusHistory)
            {
                s.Id = ++change;
                s.TicketId = t.Id;
            }
        }
    }

    private sealed record Agent(int? Id, string FullName, string Email, int Weight);

    /// <summary>What customers write beside a rating of 1 to 5.</summary>
    private static readonly string[][] SurveyComments =
    [
        ["问题一直没解决，很失望。", "Nobody really helped me."],
        ["回复太慢了。", "Took far too long to get an answer."],
        ["还行，就是等得有点久。", "OK in the end, but slow."],
        ["客服态度不错，谢谢。", "Helpful, thanks."],
        ["处理很快，非常满意！", "Quick and friendly, thank you!"],
    ];

    private sealed record Bilingual(string Zh, string En)
    {
        public string In(bool english) => english ? En : Zh;
    }

    /// <summary>
    /// One kind of inquiry and how it goes: the customer's subject and message, the agent's question and the customer's
    /// answer to it, the agent's holding reply while it is looked into, a note for colleagues, and the solution.
    /// </summary>
    private sealed record Topic(
        Bilingual Subject, Bilingual Message, Bilingual Ask, Bilingual Answer, Bilingual Working, Bilingual Note, Bilingual Solution)
    {
        /// <summary>Makes sense only for an electrical product: it talks of charging, switching on or a warranty.</summary>
        public bool Electrical { get; init; }
    }

    /// <summary>The details one ticket talks about, filled into its templates.</summary>
    private sealed record Details(bool English, Bilingual Product, Bilingual Courier, int Days, int Amount, string PhoneTail)
    {
        public string Fill(Bilingual text) => Fill(text.In(English));

        public string Fill(string template) => template
            .Replace("{p}", Product.In(English), StringComparison.Ordinal)
            .Replace("{c}", Courier.In(English), StringComparison.Ordinal)
            .Replace("{d}", Days.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{a}", Amount.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{n}", PhoneTail, StringComparison.Ordinal);
    }

    /// <summary>Writes one ticket's life up to now, step by step as the desk would have; a step whose time has not come is not written.</summary>
    private sealed record PlacedOrder(DateTime PlacedAtUtc, string PlatformOrderId);

    private sealed class Writer(ServiceSla sla, Random random, DateTime now, List<Agent> agents, List<PlacedOrder> orders)
    {
        private static readonly Agent Desk = new(null, "客服中心 Service desk", SystemName, 1);
        private readonly int _agentWeight = agents.Sum(a => a.Weight);

        private Ticket _ticket = default!;
        private Topic _topic = default!;
        private Details _details = default!;
        private Agent _agent = Desk;
        private Bilingual? _awaitedAnswer;
        private bool _asked;

        private BusinessCalendar Calendar => sla.Calendar;

        /// <summary>The time of the last thing that happened: the next step starts from it.</summary>
        private DateTime Last => _ticket.UpdatedAtUtc;

        public Ticket Write(DateTime createdAt)
        {
            var channel = Pick(Channels);
            if (channel == TicketChannel.Hotline && !Calendar.IsOpen(createdAt))
            {
                // The hotline is staffed only while the desk is open; out of hours people write instead.
                channel = Pick(WrittenChannels);
            }
            var category = Pick(Categories);
            var priority = Pick(Priorities);
            var (name, english, stem) = CustomerName();
            var topics = Topics[category];
            _topic = topics[random.Next(topics.Length)];
            var products = _topic.Electrical ? ElectricalProducts : Products;
            _details = new Details(
                english ? random.Next(10) != 0 : random.Next(30) == 0,
                products[random.Next(products.Length)],
                Couriers[random.Next(Couriers.Length)],
                random.Next(2, 8),
                random.Next(3, 60) * 10 - 1,
                random.Next(0, 10_000).ToString("D4", CultureInfo.InvariantCulture));
            _agent = PickAgent();
            _awaitedAnswer = null;
            _asked = false;

            var orderReference = random.NextDouble() < OrderShare[category] ? OrderReference(createdAt) : null;
            var message = _details.Fill(_topic.Message);
            if (orderReference is not null)
            {
                message += _details.English ? $" Order: {orderReference}" : $" 订单号：{orderReference}";
            }
            _ticket = new Ticket
            {
                Channel = channel,
                CustomerName = name,
                CustomerContact = Contact(channel, english, stem),
                OrderReference = orderReference,
                Subject = _details.Fill(_topic.Subject),
                Category = category,
                Priority = priority,
                Status = TicketStatus.New,
                CreatedAtUtc = createdAt,
                UpdatedAtUtc = createdAt,
            };
            // A call is logged by the agent who took it; chats, platform messages and emails come in through the intake.
            _ticket.StatusHistory.Add(new TicketStatusChange
            {
                Status = TicketStatus.New,
                AtUtc = createdAt,
                ByName = channel == TicketChannel.Hotline ? _agent.Email : SystemName,
            });
            _ticket.Entries.Add(new TicketEntry { Kind = ThreadEntryKind.CustomerMessage, Body = message, AuthorName = name, AtUtc = createdAt });

            Live(sla.Policies.Match(priority, channel, category));
            return _ticket;
        }

        /// <summary>Claim, first answer, the exchanges that follow, solving, sometimes a reopen, and the auto-close.</summary>
        private void Live(SlaPolicy? policy)
        {
            var firstResponse = policy?.FirstResponse?.Duration ?? TimeSpan.FromHours(4);
            var nextReply = policy?.NextReply?.Duration ?? TimeSpan.FromHours(8);
            var resolution = policy?.Resolution?.Duration ?? TimeSpan.FromHours(42);

            var firstReplyAt = Calendar.Add(Last, Within(firstResponse, lateChance: 0.12));
            if (_ticket.Channel == TicketChannel.Hotline)
            {
                if (!Claim(Last))
                {
                    return;
                }
            }
            else
            {
                // Picked up from the queue a little before the answer goes out, never before the desk opens.
                var claimAt = Max(firstReplyAt - Minutes(1, 15), Calendar.NextOpening(Last));
                if (!Claim(Max(claimAt, Last)))
                {
                    return;
                }
            }
            if (_ticket.Category == TicketCategories.Complaint && !Note(Calendar.Add(Last, Minutes(1, 10)), ComplaintNote))
            {
                return;
            }

            var roll = random.NextDouble();
            var solveAtOnce = SolveAtOnce[_ticket.Category];
            var first = roll < solveAtOnce ? TicketStatus.Solved
                : roll < solveAtOnce + (1 - solveAtOnce) * 0.55 ? TicketStatus.PendingCustomer
                : TicketStatus.Open;
            if (!Reply(Max(firstReplyAt, Last.AddMinutes(1)), first))
            {
                return;
            }

            var exchanges = 1 + random.Next(3);
            for (var step = 1; _ticket.Status != TicketStatus.Solved; step++)
            {
                var next = step >= exchanges || random.Next(3) == 0 ? TicketStatus.Solved : TicketStatus.PendingCustomer;
                if (_ticket.Status == TicketStatus.PendingCustomer)
                {
                    if (random.Next(10) == 0)
                    {
                        // The customer never answers: solved after two days of desk time.
                        if (!Reply(Calendar.Add(Last, TimeSpan.FromHours(28) + Minutes(0, 120)), TicketStatus.Solved, NoAnswer))
                        {
                            return;
                        }
                        break;
                    }
                    if (!CustomerWrites(Last + CustomerDelay(), _awaitedAnswer ?? _topic.Answer)
                        || !Reply(Calendar.Add(Last, Within(nextReply, lateChance: 0.08)), next))
                    {
                        return;
                    }
                }
                else
                {
                    // Being looked into: often a note on what was checked, then the outcome.
                    if (random.Next(5) < 3 && !Note(Calendar.Add(Last, Minutes(2, 40)), _topic.Note))
                    {
                        return;
                    }
                    var work = TimeSpan.FromSeconds(Math.Round(resolution.TotalSeconds * (0.05 + 0.4 * random.NextDouble())));
                    if (!Reply(Calendar.Add(Last, work), next))
                    {
                        return;
                    }
                }
            }

            if (random.Next(100) < 7)
            {
                // The customer comes back before the ticket closes: it reopens and is solved again.
                if (!CustomerWrites(Last + TimeSpan.FromHours(2) + Minutes(0, 58 * 60), Reopens[random.Next(Reopens.Length)])
                    || !Reply(Calendar.Add(Last, Within(nextReply, lateChance: 0.15)), TicketStatus.Solved, ReopenAnswers[random.Next(ReopenAnswers.Length)]))
                {
                    return;
                }
            }
            SetStatus(Last + TimeSpan.FromHours(72) + Minutes(0, 24 * 60), TicketStatus.Closed, SystemName);
        }

        private bool Claim(DateTime at)
        {
            if (at > now || _agent.Id is null)
            {
                return false;
            }
            _ticket.AssigneeId = _agent.Id;
            _ticket.AssignedAtUtc = at;
            _ticket.UpdatedAtUtc = at;
            return true;
        }

        /// <summary>As the desk does: a customer message reopens a pending or solved ticket.</summary>
        private bool CustomerWrites(DateTime at, Bilingual text)
        {
            if (at > now)
            {
                return false;
            }
            _ticket.Entries.Add(new TicketEntry { Kind = ThreadEntryKind.CustomerMessage, Body = _details.Fill(text), AuthorName = _ticket.CustomerName, AtUtc = at });
            SetStatus(at, _ticket.Status is TicketStatus.PendingCustomer or TicketStatus.Solved ? TicketStatus.Open : _ticket.Status, SystemName);
            _ticket.UpdatedAtUtc = at;
            _awaitedAnswer = null;
            return true;
        }

        /// <summary>A public reply that leaves the ticket in <paramref name="then"/>, worded for it unless a text is given.</summary>
        private bool Reply(DateTime at, TicketStatus then, Bilingual? text = null)
        {
            if (at > now)
            {
                return false;
            }
            if (text is null)
            {
                switch (then)
                {
                    case TicketStatus.Solved:
                        text = _topic.Solution;
                        break;
                    case TicketStatus.PendingCustomer when !_asked:
                        text = _topic.Ask;
                        _awaitedAnswer = _topic.Answer;
                        _asked = true;
                        break;
                    case TicketStatus.PendingCustomer:
                        var (question, answer) = FollowUpQuestions[random.Next(FollowUpQuestions.Length)];
                        text = question;
                        _awaitedAnswer = answer;
                        break;
                    default:
                        text = _topic.Working;
                        break;
                }
            }
            _ticket.Entries.Add(new TicketEntry
            {
                Kind = ThreadEntryKind.PublicReply,
                Body = _details.Fill(text),
                AuthorName = _agent.FullName,
                AuthorEmployeeId = _agent.Id,
                AtUtc = at,
            });
            SetStatus(at, then, _agent.Email);
            _ticket.UpdatedAtUtc = at;
            return true;
        }

        private bool Note(DateTime at, Bilingual text)
        {
            if (at > now)
            {
                return false;
            }
            // Colleagues write notes for each other mostly in Chinese, whatever language the customer uses.
            _ticket.Entries.Add(new TicketEntry
            {
                Kind = ThreadEntryKind.InternalNote,
                Body = _details.Fill(random.Next(6) == 0 ? text.En : text.Zh),
                AuthorName = _agent.FullName,
                AuthorEmployeeId = _agent.Id,
                AtUtc = at,
            });
            _ticket.UpdatedAtUtc = at;
            return true;
        }

        private void SetStatus(DateTime at, TicketStatus status, string byName)
        {
            if (at > now || _ticket.Status == status)
            {
                return;
            }
            _ticket.Status = status;
            _ticket.StatusHistory.Add(new TicketStatusChange { Status = status, AtUtc = at, ByName = byName });
            _ticket.UpdatedAtUtc = at;
            if (status == TicketStatus.Solved)
            {
                Survey(at);
            }
        }

        /// <summary>
        /// Each solve sends a survey, as the desk does; about a third of customers answer within two days, mostly pleased.
        /// </summary>
        private void Survey(DateTime solvedAt)
        {
            var survey = new Surveys.SatisfactionSurvey
            {
                Token = Surveys.SatisfactionSurvey.NewToken(),
                CreatedAtUtc = solvedAt,
                ExpiresAtUtc = solvedAt + Surveys.SatisfactionSurvey.Lifetime,
                AgentId = _ticket.AssigneeId,
            };
            var answeredAt = solvedAt + Minutes(5, 48 * 60);
            if (random.NextDouble() < 0.35 && answeredAt <= now)
            {
                survey.Rating = random.NextDouble() switch { < 0.55 => 5, < 0.8 => 4, < 0.9 => 3, < 0.96 => 2, _ => 1 };
                survey.AnsweredAtUtc = answeredAt;
                survey.Comment = random.Next(4) == 0 ? SurveyComments[survey.Rating.Value - 1][random.Next(2)] : null;
            }
            _ticket.Surveys.Add(survey);
        }

        /// <summary>A share of a target: mostly well inside it, sometimes over it (a breach).</summary>
        private TimeSpan Within(TimeSpan target, double lateChance)
        {
            var share = random.NextDouble() < lateChance
                ? 1.05 + 1.5 * random.NextDouble()
                : 0.05 + 0.85 * Math.Pow(random.NextDouble(), 1.4);
            return TimeSpan.FromSeconds(Math.Max(60, Math.Round(target.TotalSeconds * share)));
        }

        /// <summary>How long a customer takes to answer: minutes in a chat (unless they come back later), hours elsewhere, days to post a return.</summary>
        private TimeSpan CustomerDelay() =>
            _ticket.Category == TicketCategories.ReturnsRefunds && _awaitedAnswer == _topic.Answer ? Minutes(12 * 60, 96 * 60)
            : _ticket.Channel == TicketChannel.OnlineChat ? (random.Next(10) < 7 ? Minutes(1, 30) : Minutes(60, 20 * 60))
            : _ticket.Channel == TicketChannel.PlatformMessage ? Minutes(10, 12 * 60)
            : Minutes(60, 36 * 60);

        private TimeSpan Minutes(int min, int max) => TimeSpan.FromSeconds(random.Next(min * 60, max * 60 + 1));

        private static DateTime Max(DateTime a, DateTime b) => a > b ? a : b;

        private Agent PickAgent()
        {
            if (agents.Count == 0)
            {
                return Desk;
            }
            var pick = random.Next(_agentWeight);
            return agents.First(a => (pick -= a.Weight) < 0);
        }

        private T Pick<T>((T Value, int Weight)[] items)
        {
            var pick = random.Next(items.Sum(i => i.Weight));
            return items.First(i => (pick -= i.Weight) < 0).Value;
        }

        private (string Name, bool English, string Stem) CustomerName()
        {
            if (random.Next(10) == 0)
            {
                var first = EnglishFirst[random.Next(EnglishFirst.Length)];
                var last = EnglishLast[random.Next(EnglishLast.Length)];
                return ($"{first} {last}", true, $"{first}.{last}".ToLowerInvariant());
            }
            var (surname, surnamePinyin) = Surnames[random.Next(Surnames.Length)];
            var (given, givenPinyin) = Given[random.Next(Given.Length)];
            return ($"{surname}{given}", false, $"{surnamePinyin}{givenPinyin}".ToLowerInvariant());
        }

        /// <summary>A mobile number or an email: the phone for calls, the email for emails, mostly the phone otherwise.</summary>
        private string Contact(TicketChannel channel, bool english, string stem)
        {
            var email = channel == TicketChannel.Email || (channel != TicketChannel.Hotline && random.Next(4) == 0);
            if (!email)
            {
                return english && random.Next(3) == 0
                    ? $"+852 {random.Next(5, 10)}{random.Next(0, 10_000_000):D7}"
                    : $"{MobilePrefixes[random.Next(MobilePrefixes.Length)]}{random.Next(0, 100_000_000):D8}";
            }
            if (english)
            {
                return $"{stem}{random.Next(1, 100)}@{EnglishMail[random.Next(EnglishMail.Length)]}";
            }
            return random.Next(3) == 0
                ? $"{random.Next(10_000_000, 2_000_000_000)}@qq.com"
                : $"{stem}{random.Next(1980, 2008)}@{ChineseMail[random.Next(ChineseMail.Length)]}";
        }

        /// <summary>A real order placed in the 20 days before the ticket (customers write about recent orders), if any.</summary>
        private string? OrderReference(DateTime createdAt)
        {
            var before = UpperBound(createdAt);
            var from = UpperBound(createdAt.AddDays(-20));
            return before > from ? orders[random.Next(from, before)].PlatformOrderId : null;
        }

        /// <summary>The index of the first order placed after <paramref name="utc"/>.</summary>
        private int UpperBound(DateTime utc)
        {
            var (low, high) = (0, orders.Count);
            while (low < high)
            {
                var middle = (low + high) / 2;
                (low, high) = orders[middle].PlacedAtUtc <= utc ? (middle + 1, high) : (low, middle);
            }
            return low;
        }
    }

    private static readonly (TicketChannel Value, int Weight)[] Channels =
    [
        (TicketChannel.OnlineChat, 45),
        (TicketChannel.PlatformMessage, 25),
        (TicketChannel.Hotline, 15),
        (TicketChannel.Email, 15),
    ];

    private static readonly (TicketChannel Value, int Weight)[] WrittenChannels = [.. Channels.Where(c => c.Value != TicketChannel.Hotline)];

    private static readonly (string Value, int Weight)[] Categories =
    [
        (TicketCategories.Shipping, 34),
        (TicketCategories.ReturnsRefunds, 24),
        (TicketCategories.ProductQuestion, 17),
        (TicketCategories.Payment, 11),
        (TicketCategories.Complaint, 5),
        (TicketCategories.Other, 9),
    ];

    private static readonly (TicketPriority Value, int Weight)[] Priorities =
    [
        (TicketPriority.Normal, 70),
        (TicketPriority.High, 18),
        (TicketPriority.Low, 7),
        (TicketPriority.Urgent, 5),
    ];

    /// <summary>How often a ticket of a category names an order: about half of all tickets do.</summary>
    private static readonly Dictionary<string, double> OrderShare = new()
    {
        [TicketCategories.Shipping] = 0.72,
        [TicketCategories.ReturnsRefunds] = 0.75,
        [TicketCategories.ProductQuestion] = 0.2,
        [TicketCategories.Payment] = 0.6,
        [TicketCategories.Complaint] = 0.6,
        [TicketCategories.Other] = 0.15,
    };

    /// <summary>How often the first answer already solves it.</summary>
    private static readonly Dictionary<string, double> SolveAtOnce = new()
    {
        [TicketCategories.Shipping] = 0.3,
        [TicketCategories.ReturnsRefunds] = 0.15,
        [TicketCategories.ProductQuestion] = 0.5,
        [TicketCategories.Payment] = 0.3,
        [TicketCategories.Complaint] = 0.05,
        [TicketCategories.Other] = 0.45,
    };

    private static readonly string[] MobilePrefixes =
    [
        "134", "135", "136", "137", "138", "139", "150", "151", "152", "157", "158", "159", "182", "183", "187", "188", "198",
        "130", "131", "132", "155", "156", "166", "185", "186", "133", "153", "177", "180", "181", "189", "199",
    ];

    private static readonly string[] ChineseMail = ["163.com", "126.com", "sina.com", "foxmail.com", "outlook.com", "gmail.com"];

    private static readonly string[] EnglishMail = ["gmail.com", "outlook.com", "hotmail.com", "icloud.com", "yahoo.com"];

    private static readonly (string Zh, string Pinyin)[] Surnames =
    [
        ("王", "Wang"), ("李", "Li"), ("张", "Zhang"), ("刘", "Liu"), ("陈", "Chen"), ("杨", "Yang"), ("黄", "Huang"), ("赵", "Zhao"),
        ("吴", "Wu"), ("周", "Zhou"), ("徐", "Xu"), ("孙", "Sun"), ("马", "Ma"), ("朱", "Zhu"), ("胡", "Hu"), ("郭", "Guo"),
        ("何", "He"), ("林", "Lin"), ("罗", "Luo"), ("高", "Gao"), ("郑", "Zheng"), ("梁", "Liang"), ("谢", "Xie"), ("宋", "Song"),
        ("唐", "Tang"), ("韩", "Han"), ("冯", "Feng"), ("邓", "Deng"), ("曹", "Cao"), ("彭", "Peng"), ("曾", "Zeng"), ("田", "Tian"),
        ("董", "Dong"), ("潘", "Pan"), ("袁", "Yuan"), ("蔡", "Cai"), ("蒋", "Jiang"), ("余", "Yu"), ("欧阳", "Ouyang"), ("司马", "Sima"),
    ];

    // 喆, 堃 and 赟 are outside GB2312: names that survive only where text is Unicode end to end.
    private static readonly (string Zh, string Pinyin)[] Given =
    [
        ("伟", "Wei"), ("芳", "Fang"), ("娜", "Na"), ("敏", "Min"), ("静", "Jing"), ("磊", "Lei"), ("军", "Jun"), ("洋", "Yang"),
        ("勇", "Yong"), ("艳", "Yan"), ("杰", "Jie"), ("涛", "Tao"), ("明", "Ming"), ("超", "Chao"), ("霞", "Xia"), ("鹏", "Peng"),
        ("婷", "Ting"), ("琳", "Lin"), ("喆", "Zhe"), ("堃", "Kun"), ("赟", "Yun"), ("昊", "Hao"), ("子涵", "Zihan"), ("浩然", "Haoran"),
        ("欣怡", "Xinyi"), ("梓萱", "Zixuan"), ("宇轩", "Yuxuan"), ("雨桐", "Yutong"), ("思远", "Siyuan"), ("一诺", "Yinuo"),
        ("佳怡", "Jiayi"), ("俊杰", "Junjie"), ("晓燕", "Xiaoyan"), ("建华", "Jianhua"), ("秀英", "Xiuying"), ("志强", "Zhiqiang"),
        ("文博", "Wenbo"), ("诗涵", "Shihan"), ("喆轩", "Zhexuan"), ("堃鹏", "Kunpeng"),
    ];

    private static readonly string[] EnglishFirst =
        ["Olivia", "James", "Sophia", "Daniel", "Grace", "Lucas", "Chloe", "Ethan", "Hannah", "Ryan", "Mia", "Nathan", "Emma", "Oliver", "Zoe", "Liam"];

    private static readonly string[] EnglishLast =
        ["Smith", "Brown", "Taylor", "Wilson", "Evans", "Walker", "Wright", "Hughes", "Green", "Hall", "Clarke", "Wood", "Chan", "Wong"];

    private static readonly Bilingual[] Products =
    [
        new("无线蓝牙耳机", "wireless earbuds"), new("空气炸锅", "air fryer"), new("羽绒服", "down jacket"), new("保温杯", "insulated bottle"),
        new("扫地机器人", "robot vacuum"), new("护肤套装", "skincare set"), new("跑步鞋", "running shoes"), new("电动牙刷", "electric toothbrush"),
        new("婴儿纸尿裤", "baby nappies"), new("机械键盘", "mechanical keyboard"), new("智能手表", "smartwatch"), new("床上四件套", "bedding set"),
        new("茶叶礼盒", "tea gift box"), new("行李箱", "suitcase"), new("儿童绘本", "children's picture books"), new("破壁机", "high-speed blender"),
    ];

    private static readonly Bilingual[] ElectricalProducts =
        [.. Products.Where(p => p.En is "wireless earbuds" or "air fryer" or "robot vacuum" or "electric toothbrush" or "mechanical keyboard" or "smartwatch" or "high-speed blender")];

    private static readonly Bilingual[] Couriers =
    [
        new("顺丰", "SF Express"), new("中通", "ZTO"), new("圆通", "YTO"), new("韵达", "Yunda"), new("京东物流", "JD Logistics"),
        new("极兔", "J&T"), new("邮政EMS", "China Post EMS"), new("申通", "STO"),
    ];

    private static Topic T(string subjectZh, string subjectEn, string messageZh, string messageEn, string askZh, string askEn,
        string answerZh, string answerEn, string workingZh, string workingEn, string noteZh, string noteEn, string solutionZh, string solutionEn) =>
        new(new(subjectZh, subjectEn), new(messageZh, messageEn), new(askZh, askEn), new(answerZh, answerEn),
            new(workingZh, workingEn), new(noteZh, noteEn), new(solutionZh, solutionEn));

    private static readonly Dictionary<string, Topic[]> Topics = new()
    {
        [TicketCategories.Shipping] =
        [
            T("快递{d}天没有更新", "Parcel has not moved for {d} days",
                "我买的{p}，物流信息{d}天没有更新了，一直显示在{c}中转站，麻烦帮忙查一下。", "My {p} has been stuck at a {c} sorting centre for {d} days with no tracking update. Could you check?",
                "您好，麻烦提供一下收货人手机号后四位，我这边帮您查询物流。", "Could you send the last four digits of the recipient's phone so I can trace the parcel?",
                "尾号{n}，收件人是我本人。", "It ends in {n}; the parcel is addressed to me.",
                "已经联系{c}核实，有结果第一时间回复您。", "I have asked {c} to check and will update you as soon as I hear back.",
                "已向{c}提交查件工单，等回复。", "Trace request raised with {c}, waiting for their answer.",
                "{c}回复包裹已恢复转运，预计明天送达，请保持电话畅通。", "{c} says the parcel is moving again and should arrive tomorrow. Please keep your phone on."),
            T("显示已签收但没收到货", "Marked as delivered but not received",
                "物流显示已签收，但是我没有收到{p}，家门口和快递柜都找过了。", "Tracking says my {p} was delivered, but nothing arrived. I checked the parcel locker too.",
                "麻烦确认一下是否有家人、门卫或驿站代收？", "Could a family member, the building guard or a pick-up point have signed for it?",
                "问过了，家里人和门卫都说没有收到。", "I asked; nobody at home or at the gate has it.",
                "已向{c}发起签收核查，一般24小时内有结果。", "I have opened a delivery investigation with {c}; it usually takes 24 hours.",
                "{c}站点说快递员记错了楼号，正在找回。", "{c} station says the courier got the building wrong; they are recovering it.",
                "核实是快递员误操作签收，已为您安排补发，新单号稍后短信通知。", "{c} confirmed the courier marked it delivered by mistake. A replacement is on its way; you will get the tracking number by text."),
            T("什么时候发货？", "When will my order ship?",
                "下单{d}天了还没发货，{p}是急用的，能不能尽快安排？", "I ordered the {p} {d} days ago and it still has not shipped. Can you hurry it up?",
                "请问需要为您改成顺丰加急吗？需要的话请确认一下。", "Would you like us to upgrade to express shipping? Please confirm.",
                "可以，麻烦改顺丰，运费我补。", "Yes, please switch to express; I can pay the difference.",
                "已催仓库优先处理您的订单，今天内给您答复。", "I have asked the warehouse to prioritise your order and will get back to you today.",
                "仓库反馈该款缺货，明天上午到货后优先发。", "Warehouse: out of stock until tomorrow morning, this order goes first.",
                "您的{p}已经发出，单号已同步到订单里，可以随时查看物流。", "Your {p} has shipped; the tracking number is on your order."),
            T("想修改收货地址", "Change of delivery address",
                "刚下单发现地址写错了，能改成公司地址吗？{p}应该还没发货吧？", "I entered the wrong address. Can you change it before the {p} ships?",
                "可以的，请把新的收货地址和联系人发给我。", "Sure, please send the new address and contact name.",
                "新地址：上海市浦东新区张江路88号3楼，联系人不变。", "New address: 3F, 88 Zhangjiang Road, Pudong, Shanghai; same contact.",
                "已提交地址修改申请，等仓库确认。", "I have requested the address change and am waiting for the warehouse to confirm.",
                "已拦截出库，等仓库改单。", "Dispatch stopped; waiting for the warehouse to update the label.",
                "地址已经修改好了，包裹会按新地址配送。", "The address has been updated and the parcel will go to the new one."),
            T("快递没有送货上门", "Courier left my parcel at a pick-up point",
                "{c}快递员没打电话就把包裹放驿站了，我在外地取不了。", "The {c} courier left my parcel at a pick-up point without calling me. I am away and cannot collect it.",
                "请问您希望改为送货上门，还是延后几天再取？", "Would you like it redelivered to your door, or held for a few more days?",
                "麻烦周六送上门，我那天在家。", "Please redeliver on Saturday; I will be home.",
                "已联系{c}站点协调派送，请稍候。", "I am coordinating with the local {c} station.",
                "{c}站点电话占线，已留言。", "{c} station line busy, left a message.",
                "已和{c}站点确认，周六上午送货上门，送前会电话联系您。", "{c} will deliver to your door on Saturday morning and call before arriving."),
            T("包裹外箱破损", "Box arrived damaged",
                "收到的包裹外箱压坏了，{p}也有划痕，请问怎么处理？", "The box was crushed and the {p} is scratched. What can you do?",
                "非常抱歉，麻烦拍一下商品和外包装的照片发给我们。", "We are sorry. Could you send photos of the item and the box?",
                "照片已经上传了，划痕在侧面。", "Photos uploaded; the scratch is on the side.",
                "已提交{c}理赔，同时为您申请售后补偿。", "I have filed a claim with {c} and requested compensation for you.",
                "{c}理赔已受理，补发走售后仓。", "{c} claim accepted; replacement from the after-sales stock.",
                "已为您补发一件全新的{p}，破损件无需寄回。", "We are sending you a new {p}; no need to return the damaged one."),
            T("少发了一件", "One item missing from my order",
                "一共买了两件{p}，只收到一件，另一件是分开发货吗？", "I bought two {p} but only one arrived. Is the other one coming separately?",
                "麻烦拍一下外包装上的面单，我们核对一下出库记录。", "Could you send a photo of the shipping label so we can check the dispatch record?",
                "面单照片发过去了。", "Label photo sent.",
                "已联系仓库核对出库记录。", "I am checking the dispatch record with the warehouse.",
                "仓库称重记录只有一件的重量，确认漏发。", "Warehouse scale shows one item's weight only: short-shipped.",
                "确认是仓库漏发，另一件今天补发，单号已更新到订单。", "The warehouse missed one item; it ships today and the tracking number is on your order."),
        ],
        [TicketCategories.ReturnsRefunds] =
        [
            T("申请七天无理由退货", "Return within 7 days",
                "{p}不太合适，想申请七天无理由退货，吊牌和包装都在。", "The {p} doesn't suit me. I'd like to return it under the 7-day policy; tags and packaging are intact.",
                "已为您同意退货，寄回后请把快递单号发给我们。", "Your return is approved. Please send us the tracking number once you have posted it.",
                "已经寄回了，{c}单号填在订单里了。", "Sent back with {c}; the tracking number is on the order.",
                "收到，已通知仓库留意您的退货包裹。", "Thanks, the warehouse is watching for your parcel.",
                "退货包裹在途，签收后走退款。", "Return in transit; refund once it is received.",
                "退货已签收，退款{a}元已原路退回，1-3个工作日到账。", "We have received the return; ¥{a} is on its way back to your payment method (1–3 working days)."),
            T("退款还没到账", "Refund not received yet",
                "退货已经寄回{d}天了，{a}元退款还没有到账。", "I sent the return back {d} days ago and the refund of ¥{a} has not arrived.",
                "麻烦提供一下退货的快递单号，我帮您查一下仓库签收情况。", "Could you send the return tracking number? I will check whether the warehouse has it.",
                "单号在订单里，{c}显示前天已经签收了。", "It is on the order; {c} shows it was delivered two days ago.",
                "已催财务加急处理您的退款。", "I have asked finance to expedite your refund.",
                "仓库已签收未质检，已催。", "Warehouse received it but has not inspected it yet; chased.",
                "退款{a}元已经打款，请留意支付宝或银行卡到账通知。", "The ¥{a} refund has been paid; watch for the notification from Alipay or your bank."),
            T("收到的商品与描述不符", "Item not as described",
                "收到的{p}颜色和详情页完全不一样，要求退货退款。", "The {p} I received looks nothing like the product page. I want a refund.",
                "非常抱歉，麻烦拍一下收到的商品照片，方便我们核实。", "Sorry about that. Could you send a photo of what you received?",
                "照片发了，颜色明显不对。", "Photo sent; the colour is clearly wrong.",
                "已转品控同事核实，请您稍候。", "Our quality team is checking this now.",
                "品控确认详情页图片偏色，已提交修改。", "Quality team: listing photos are off-colour, correction requested.",
                "核实属实，已为您办理退货退款，运费由我们承担，快递员会上门取件。", "Confirmed. We have set up a return and refund at our cost; a courier will collect it."),
            T("发错型号，申请换货", "Wrong model sent, want an exchange",
                "{p}型号发错了，想换成我下单的那一款。", "I received the wrong model of {p}. Please exchange it for the one I ordered.",
                "麻烦拍一下商品标签，我们核对一下型号。", "Could you send a photo of the product label so we can check the model?",
                "标签照片已上传。", "Label photo uploaded.",
                "已确认是发错货，正在安排换货。", "It was our mistake; I am arranging the exchange.",
                "拣货错误，已反馈仓库主管。", "Picking error, reported to the warehouse lead.",
                "换货已安排，正确型号的{p}今天发出，错发的那件快递员上门取回。", "The correct {p} ships today and a courier will pick up the wrong one."),
            T("退货运费谁承担？", "Who pays return shipping?",
                "{p}有质量问题要退货，运费险没有生效，退货运费谁出？", "The {p} is faulty and has to go back, but the shipping insurance did not apply. Who pays for the return?",
                "麻烦提供一下质量问题的照片或视频。", "Could you send a photo or video of the fault?",
                "视频发过去了，开机就有异响。", "Video sent; it makes a noise as soon as it starts.",
                "收到，正在为您申请运费补偿。", "Thanks, I am requesting shipping compensation for you.",
                "质量问题，运费由我方承担。", "Faulty item: we cover the shipping.",
                "质量问题的退货运费由我们承担，已为您补偿12元运费到账户余额。", "We cover return shipping for faulty items; ¥12 has been added to your account balance.") with { Electrical = true },
            T("退货申请被拒绝", "Return request rejected",
                "退货申请被驳回了，理由说商品已使用，可是{p}我根本没拆封。", "My return was rejected as used, but I never even opened the {p}.",
                "麻烦提供一下商品和封条的照片，我们重新审核。", "Please send photos of the item and its seal so we can review again.",
                "封条完好，照片已上传。", "The seal is intact; photos uploaded.",
                "已提交主管重新审核您的退货申请。", "Your return is back with a supervisor for review.",
                "审核员误判，已申请撤销驳回。", "Reviewer error; asked to withdraw the rejection.",
                "重新审核已通过，抱歉给您添麻烦了，请按退货地址寄回即可。", "The review has passed; sorry for the trouble. Please post it to the return address."),
        ],
        [TicketCategories.ProductQuestion] =
        [
            T("{p}怎么使用？", "How do I use the {p}?",
                "请问{p}第一次使用需要注意什么？说明书看不太懂。", "Is there anything I should know before using the {p} for the first time? The manual is hard to follow.",
                "请问具体是哪一步不清楚？方便的话拍一下说明书的那一页。", "Which step is unclear? A photo of that page of the manual would help.",
                "就是第一次开机设置那一步。", "The first-time setup step.",
                "我让技术同事整理一份图文说明给您。", "I am asking our technical team for an illustrated guide.",
                "说明书第3页描述不清，建议下批改版。", "Manual page 3 is unclear; suggest revising it in the next print run.",
                "使用说明视频已发到您的消息里，按步骤操作即可，有问题随时找我们。", "We have sent you a how-to video; follow the steps and contact us any time.") with { Electrical = true },
            T("什么时候补货？", "When is it back in stock?",
                "{p}还有货吗？想买两件送人，页面一直显示缺货。", "Is the {p} coming back? I want to buy two as gifts but the page says out of stock.",
                "请问您需要的颜色和规格是？", "Which colour and size do you need?",
                "黑色，标准款。", "Black, standard version.",
                "已向采购确认到货时间。", "I am checking the restock date with purchasing.",
                "采购回复下周三到仓。", "Purchasing: arriving at the warehouse next Wednesday.",
                "{p}预计下周三补货，可以先点“到货提醒”，到货第一时间通知您。", "The {p} is due back next Wednesday; tap 'notify me' and we will let you know."),
            T("保修期多久？", "How long is the warranty?",
                "{p}保修期是多久？需要保留发票吗？", "How long is the warranty on the {p}? Do I need to keep the invoice?",
                "请问您是在哪个平台下的单？不同渠道保修政策略有不同。", "Which platform did you order on? Warranty terms vary slightly.",
                "在你们天猫旗舰店买的。", "From your Tmall flagship store.",
                "我跟品牌方确认一下具体政策。", "Let me confirm the exact terms with the brand.",
                "品牌方确认全国联保一年。", "Brand confirms a one-year nationwide warranty.",
                "{p}全国联保一年，凭订单即可，无需纸质发票。", "The {p} has a one-year nationwide warranty; your order is enough, no paper invoice needed.") with { Electrical = true },
            T("{p}充不进电", "My {p} will not charge",
                "{p}才用了{d}天就充不进电了，指示灯也不亮。", "The {p} stopped charging after {d} days; the light does not come on.",
                "麻烦换一根数据线和充电头试一下，看是否能正常充电？", "Could you try a different cable and charger and see whether it charges?",
                "换了也不行，还是不亮。", "Tried that; still no light.",
                "已登记为质量问题，正在为您安排换新。", "Logged as a fault; I am arranging a replacement.",
                "同批次本周第三起，已报品控。", "Third one from this batch this week, reported to quality.",
                "已为您办理换新，新的{p}今天发出，故障件快递员上门取回。", "A new {p} ships today and the courier will collect the faulty one.") with { Electrical = true },
            T("是不是正品？", "Is this genuine?",
                "请问店里的{p}是品牌授权的正品吗？有没有防伪码？", "Is the {p} in your shop an authorised genuine product? Is there an anti-counterfeit code?",
                "请问您是否已经收到商品？可以拍一下防伪标签帮您查询。", "Have you received it? Send a photo of the anti-counterfeit label and we will check it.",
                "收到了，标签照片发你了。", "Yes, photo of the label sent.",
                "正在向品牌方核验防伪码。", "I am verifying the code with the brand.",
                "防伪码已提交品牌方系统查询。", "Code submitted to the brand's lookup.",
                "本店为品牌官方授权，防伪码已核验为正品，请放心使用。", "We are an authorised reseller and the code checks out as genuine."),
        ],
        [TicketCategories.Payment] =
        [
            T("付款被扣了两次", "Charged twice",
                "付款时页面卡住，结果被扣了两次{a}元。", "The payment page froze and I was charged ¥{a} twice.",
                "麻烦提供一下两笔扣款的截图，我们帮您核对流水。", "Could you send screenshots of both charges so we can check?",
                "截图发过去了，两笔时间只差一分钟。", "Screenshots sent; the charges are one minute apart.",
                "已提交财务核对支付流水。", "Finance is checking the payment records.",
                "财务确认第二笔为重复支付，已发起退款。", "Finance confirms the second charge is a duplicate; refund started.",
                "核实重复扣款，多扣的{a}元已原路退回，请留意银行通知。", "Confirmed: the duplicate ¥{a} has been refunded; watch for your bank's notice."),
            T("优惠券没有生效", "Coupon not applied",
                "下单时满减优惠券没有抵扣，多付了{a}元。", "My discount coupon was not applied at checkout; I paid ¥{a} too much.",
                "麻烦截图一下优惠券详情和订单金额。", "Could you send screenshots of the coupon and the order total?",
                "截图已发。", "Screenshots sent.",
                "正在核对活动规则。", "I am checking the promotion rules.",
                "活动配置漏选该商品，已反馈运营。", "Promotion set-up left this item out; told the operations team.",
                "差价{a}元已通过红包补给您，请在“我的-卡券”中查看。", "We have credited the ¥{a} difference as a voucher under My > Coupons."),
            T("申请开具增值税专用发票", "Need a VAT invoice",
                "公司报销需要开专票，抬头和税号怎么提交给你们？", "I need a VAT special invoice for my company. How do I send you the company details?",
                "请把公司抬头、税号、开户行及账号、地址电话发给我们。", "Please send the company name, tax number, bank account, and registered address and phone.",
                "开票信息已经发过去了，麻烦尽快。", "Invoice details sent, please hurry.",
                "已提交财务开票，一般2个工作日内完成。", "Sent to finance; invoices take up to 2 working days.",
                "开票信息已核对无误，转财务。", "Invoice details checked, passed to finance.",
                "专票已开具，电子版已发送到您的邮箱，纸质版随后寄出。", "The VAT invoice is issued; the PDF is in your inbox and the paper copy follows by post."),
            T("花呗分期支付失败", "Instalment payment keeps failing",
                "选择花呗分期一直提示支付失败，换了银行卡也不行。", "Paying in instalments keeps failing, even with a different card.",
                "请问具体提示什么错误？方便截个图吗？", "What error do you see? A screenshot would help.",
                "提示“当前商品不支持分期”。", "It says instalments are not available for this item.",
                "已反馈给支付渠道排查。", "I have reported it to the payment provider.",
                "商品分期开关未开，已找运营开通。", "Instalments were switched off for this item; operations are enabling it.",
                "该商品已开通3期免息，请重新下单尝试，如仍有问题随时联系我们。", "The item now supports 3 interest-free instalments; please try again and let us know if it still fails."),
            T("降价了能申请价保吗？", "Price dropped after I bought it",
                "刚买完{p}就降价{a}元，能申请价保退差价吗？", "The {p} dropped by ¥{a} right after I bought it. Can I get the difference back?",
                "请问您是哪天下的单？价保期为下单后15天内。", "When did you order? Price protection covers 15 days after purchase.",
                "上周下的单，还没满15天。", "Last week, well within 15 days.",
                "正在为您提交价保申请。", "I am submitting the price-protection request.",
                "在价保期内，按差价退。", "Within the protection period; refund the difference.",
                "价保已通过，差价{a}元已退回原支付账户。", "Approved: the ¥{a} difference has been refunded to your payment account."),
        ],
        [TicketCategories.Complaint] =
        [
            T("投诉：问题{d}天没人处理", "Complaint: nobody has helped for {d} days",
                "我的问题已经反映了{d}天，一直没有人跟进，非常失望。", "I reported this {d} days ago and nobody has followed up. Very disappointed.",
                "非常抱歉让您久等，麻烦告诉我之前的订单号或工单号，我亲自跟进。", "We are very sorry. Please tell me the order or ticket number and I will follow up personally.",
                "订单号在上面，之前是在线客服接待的。", "The order number is above; I spoke to online chat before.",
                "已升级给主管处理，今天内给您明确答复。", "This is escalated to a supervisor; you will have a clear answer today.",
                "前一张工单被误关，已复盘。", "The earlier ticket was closed by mistake; reviewed with the team.",
                "非常抱歉给您带来不好的体验，问题已经处理完毕，并为您补偿20元无门槛优惠券。", "We apologise for the experience. The issue is resolved and we have added a ¥20 voucher to your account."),
            T("投诉快递员私自签收", "Complaint: courier marked it delivered",
                "{c}快递员没送到就点了签收，我要投诉。", "The {c} courier marked my parcel as delivered without delivering it. I want to complain.",
                "麻烦提供一下显示的签收时间和您当时所在的位置，方便我们向{c}投诉。", "Please tell us the delivery time shown and where you were, so we can complain to {c}.",
                "显示下午3点签收，我一整天都在家。", "It says delivered at 3 pm; I was home all day.",
                "已向{c}提交正式投诉，并要求当天重新派送。", "We have filed a formal complaint with {c} and asked for same-day redelivery.",
                "已向{c}区域经理投诉。", "Complaint raised with the {c} regional manager.",
                "{c}已核实并处理该快递员，包裹已重新派送，同时为您补偿20元优惠券。", "{c} has dealt with the courier and redelivered your parcel; we have added a ¥20 voucher for the trouble."),
            T("质量太差，要求赔偿", "Poor quality, I want compensation",
                "{p}用了{d}天就坏了，这质量太差了，要求赔偿。", "The {p} broke after {d} days. The quality is terrible and I want compensation.",
                "非常抱歉，麻烦拍一段故障视频，我们为您优先处理。", "We are sorry. Please send a short video of the fault and we will prioritise it.",
                "视频已上传。", "Video uploaded.",
                "已提交品控和主管，正在确认赔偿方案。", "Quality and a supervisor are agreeing on compensation now.",
                "主管同意全额退款不退货。", "Supervisor approved a full refund without return.",
                "已为您全额退款{a}元，商品无需寄回，再次向您致歉。", "We have refunded the full ¥{a}; no need to send it back. Our apologies again."),
            T("怀疑收到假货", "I think I received a fake",
                "详情页写的是正品，收到的{p}和专柜的明显不一样。", "The listing says genuine, but the {p} I received clearly differs from the one in the official store.",
                "麻烦拍一下商品细节和防伪码，我们立即核查。", "Please send close-ups and the anti-counterfeit code and we will check at once.",
                "照片发了，防伪码查不到。", "Photos sent; the code does not verify.",
                "已冻结该批次库存，并联系品牌方鉴定。", "We have frozen that batch and asked the brand to inspect it.",
                "批次已冻结，等品牌方鉴定报告。", "Batch frozen; waiting for the brand's report.",
                "经品牌方鉴定为新旧包装差异，商品为正品；为表歉意，已为您办理退货退款并补偿20元优惠券。", "The brand confirms it is genuine in older packaging; we have still refunded you and added a ¥20 voucher."),
        ],
        [TicketCategories.Other] =
        [
            T("会员积分没有到账", "Loyalty points missing",
                "上次购物的积分一直没到账，麻烦查一下。", "The points from my last purchase never arrived. Could you check?",
                "麻烦提供一下会员绑定的手机号后四位。", "Could you send the last four digits of your member phone number?",
                "尾号{n}。", "It ends in {n}.",
                "正在核查积分发放记录。", "I am checking the points records.",
                "积分任务当天失败，手工补发。", "Points job failed that day; adding them by hand.",
                "已为您补发积分，刷新会员中心即可看到。", "The points are added; refresh the member centre to see them."),
            T("修改账号绑定手机号", "Change the phone number on my account",
                "原来的手机号不用了，想换绑新号码。", "I no longer use my old number and want to link a new one.",
                "为了账号安全，请提供一下最近一笔订单的收货地址所在城市。", "For security, please tell us the delivery city of your latest order.",
                "杭州。", "Hangzhou.",
                "正在为您提交换绑申请。", "I am submitting the change request.",
                "身份已核验。", "Identity verified.",
                "换绑已完成，下次请用新号码登录。", "Done: please sign in with your new number next time."),
            T("企业采购咨询", "Bulk order for our company",
                "公司想批量采购{p}做年会礼品，大概200件，有团购价吗？", "We would like about 200 {p} as gifts for our annual party. Is there a volume price?",
                "请问需要开发票吗？以及期望的交货日期是？", "Do you need an invoice, and by when do you need them?",
                "需要专票，12月20日前到货。", "Yes, a VAT invoice, delivered before 20 December.",
                "已转企业采购同事报价。", "Our business sales team is preparing a quote.",
                "已转大客户组。", "Passed to key accounts.",
                "报价单已发到您的邮箱，企业采购同事会直接电话联系您。", "The quote is in your inbox and our business sales team will call you."),
            T("直播间赠品没收到", "Livestream gift missing",
                "直播间说下单送赠品，收到的{p}里没有赠品。", "The livestream promised a free gift with the {p}, but it was not in the box.",
                "请问您是在哪场直播下的单？大概什么时间？", "Which livestream did you order from, and roughly when?",
                "上周六晚上8点那场。", "Last Saturday's 8 pm show.",
                "正在核对直播活动订单名单。", "I am checking the livestream order list.",
                "赠品标记漏打，已补。", "Gift flag missing on the order; fixed.",
                "核实无误，赠品已单独补发，预计2-3天送达。", "Confirmed; the gift ships separately and should arrive in 2–3 days."),
            T("账号被锁定", "Account locked",
                "登录时提示账号异常被锁定了，怎么解锁？", "I get a message that my account is locked for unusual activity. How do I unlock it?",
                "请提供一下注册手机号后四位，以及最近一次登录的大概时间。", "Please send the last four digits of your registered phone and when you last signed in.",
                "尾号{n}，昨天晚上还能登录。", "It ends in {n}; I could sign in last night.",
                "已提交安全团队核查。", "Our security team is checking.",
                "风控误判，已申请解锁。", "False positive from risk control; unlock requested.",
                "已帮您解除锁定，建议尽快修改密码并开启登录保护。", "Your account is unlocked; please change your password and turn on sign-in protection."),
        ],
    };

    /// <summary>Later questions in a thread, each with the customer's answer.</summary>
    private static readonly (Bilingual Question, Bilingual Answer)[] FollowUpQuestions =
    [
        (new("还需要麻烦您确认一下收货手机号后四位，方便核对。", "Could you also confirm the last four digits of the delivery phone?"), new("尾号{n}。", "It ends in {n}.")),
        (new("方便的话再发一张截图给我们，便于进一步核实。", "Could you send one more screenshot so we can check further?"), new("截图发过去了。", "Screenshot sent.")),
        (new("请问还有其他需要补充的信息吗？我们这边继续跟进。", "Is there anything else we should know? We are still on it."), new("没有了，麻烦尽快处理。", "No, just please hurry.")),
    ];

    private static readonly Bilingual NoAnswer =
        new("您好，由于一直没有收到您的回复，工单先做解决处理，如有需要请随时联系我们。", "As we have not heard back, we are marking this as solved. Just reply if you still need help.");

    private static readonly Bilingual ComplaintNote =
        new("投诉单，客户情绪激动，注意安抚措辞，已同步主管。", "Complaint: customer is upset, keep the tone calm. Supervisor informed.");

    private static readonly Bilingual[] Reopens =
    [
        new("问题还是没有解决，请再帮我看看。", "This is still not sorted, please take another look."),
        new("你们说已经处理了，但我这边还是没有变化。", "You said it was done, but nothing has changed on my side."),
        new("又出现同样的问题了。", "The same problem is back."),
    ];

    private static readonly Bilingual[] ReopenAnswers =
    [
        new("非常抱歉，已为您重新跟进，现已处理好，请再确认一下。", "So sorry about that; I have picked it up again and it is sorted now. Please check."),
        new("抱歉让您久等，已加急重新处理，请留意短信通知。", "Sorry for the wait; this is now redone as a priority, please watch for a text message."),
    ];
}
