// TicketCore
